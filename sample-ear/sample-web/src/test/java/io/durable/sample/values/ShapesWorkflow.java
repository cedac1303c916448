package io.durable.sample.values;

import io.durable.api.DurableContext;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Takes the shapes from two steps, sleeps (so the run parks and resumes by replay from the journal),
 * then says whether the replayed values equal the ones the steps returned.
 */
@Workflow(name = "value-round-trip")
public class ShapesWorkflow {

    @Inject
    DurableContext context;

    @Inject
    ShapeSteps steps;

    @WorkflowMethod
    public String run() {
        Shapes plain = steps.shapes();
        Shapes transactional = steps.shapesInTransaction();
        // true once the run resumed after the sleep: both values then came from the journal
        boolean fromJournal = context.isReplaying();
        context.sleep(Duration.ofSeconds(1));
        return (fromJournal ? "replayed " : "live ") + plain.comparedWithSample() + " / "
                + transactional.comparedWithSample();
    }
}
