package io.durable.cdi.internal;

import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import io.durable.api.StepOptions;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import io.durable.cdi.internal.ValueShapes.Catalogue;
import io.durable.cdi.internal.ValueShapes.Item;
import io.durable.cdi.internal.ValueShapes.Shape;
import io.durable.cdi.internal.json.JsonCodecRoundTripTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/** Workflows whose steps return every shape of value, for the replay-equality tests. */
public final class ValueWorkflows {

    private ValueWorkflows() {
    }

    @ApplicationScoped
    static class ShapeSteps {

        @Inject
        Probe probe;

        @DurableStep
        public Optional<String> nothing() {
            probe.ran("nothing");
            return Optional.empty();
        }

        @DurableStep(transactional = true)
        public OptionalInt noCount() {
            probe.ran("noCount");
            return OptionalInt.empty();
        }

        @DurableStep
        public Map<String, List<Item>> sections() {
            probe.ran("sections");
            return ((Catalogue) shape("catalogue").value()).sections();
        }

        @DurableStep
        public Catalogue catalogue() {
            probe.ran("catalogue");
            return (Catalogue) shape("catalogue").value();
        }

        /** A record with a null Optional would read back with an empty one: refused. */
        @DurableStep
        public Item careless() {
            probe.ran("careless");
            return new Item("c", null, OptionalInt.empty());
        }

        private static Shape shape(String name) {
            return ValueShapes.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }
    }

    /** What each pass of a run got, so the replay's values can be compared with the first's. */
    @ApplicationScoped
    static class Passes {
        private final Map<String, List<Map<String, Object>>> passes = new ConcurrentHashMap<>();

        int record(String tag, Map<String, Object> got) {
            List<Map<String, Object>> list = passes.computeIfAbsent(tag, t -> new ArrayList<>());
            synchronized (list) {
                list.add(got);
                return list.size();
            }
        }

        List<Map<String, Object>> of(String tag) {
            return passes.getOrDefault(tag, List.of());
        }
    }

    @Workflow(name = "values")
    public static class ValuesWorkflow {

        @Inject
        ShapeSteps steps;

        @Inject
        DurableContext ctx;

        @Inject
        Passes passes;

        @Inject
        Probe probe;

        /**
         * Gets every shape from a step, sleeps (so the run parks and the rest runs in a replay), then
         * compares what the replay got with what the first pass got.
         *
         * @return one line per value the replay got differently; empty when all came back equal
         */
        @WorkflowMethod
        public List<String> run(String tag) {
            Map<String, Object> got = new LinkedHashMap<>();
            got.put("step:nothing", steps.nothing());
            got.put("step:noCount", steps.noCount());
            got.put("step:sections", steps.sections());
            got.put("step:catalogue", steps.catalogue());
            for (Shape shape : ValueShapes.all()) {
                got.put(shape.name(), ctx.step("shape-" + shape.name(), shape.type(), StepOptions.PLAIN, () -> {
                    probe.ran("shape:" + shape.name());
                    return shape.value();
                }));
            }
            passes.record(tag, got);
            ctx.sleep(Duration.ofHours(1));
            Map<String, Object> first = passes.of(tag).get(0);
            List<String> differences = new ArrayList<>();
            got.forEach((name, replayed) -> {
                String before = JsonCodecRoundTripTest.describe(first.get(name));
                String after = JsonCodecRoundTripTest.describe(replayed);
                if (!before.equals(after)) {
                    differences.add(name + ": " + before + " became " + after);
                }
            });
            if (!(got.get("step:nothing") instanceof Optional<?> nothing) || nothing.isPresent()) {
                differences.add("step:nothing is not Optional.empty() but " + got.get("step:nothing"));
            }
            return differences;
        }
    }

    @Workflow(name = "careless-values")
    public static class CarelessWorkflow {

        @Inject
        ShapeSteps steps;

        @WorkflowMethod
        public String run(String tag) {
            return steps.careless().name();
        }
    }
}
