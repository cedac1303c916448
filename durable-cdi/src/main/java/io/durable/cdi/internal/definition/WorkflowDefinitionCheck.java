package io.durable.cdi.internal.definition;

import io.durable.api.Signal;
import io.durable.api.Workflow;
import io.durable.api.WorkflowDefinitionException;
import io.durable.api.WorkflowMethod;
import io.durable.api.WorkflowSchedule;
import io.durable.cdi.internal.json.JsonTypeCheck;
import io.durable.cdi.internal.time.CalendarSchedule;
import jakarta.enterprise.inject.spi.Bean;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates one {@code @Workflow} bean at deployment and builds its definition. */
public final class WorkflowDefinitionCheck {

    static final int MAX_NAME = io.durable.api.Limit.WORKFLOW_NAME.max();
    private static final Pattern SIGNAL_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Class<?> beanClass;
    private final List<WorkflowDefinitionException> problems = new ArrayList<>();

    public WorkflowDefinitionCheck(Class<?> beanClass) {
        this.beanClass = beanClass;
    }

    public List<WorkflowDefinitionException> problems() {
        return problems;
    }

    public WorkflowDefinitionException scopeProblem(Class<? extends Annotation> scope) {
        return fail("a workflow bean gets a fresh instance for every execution, so it must be @Dependent, "
                + "but it is @" + scope.getSimpleName() + ". Remove the scope annotation.");
    }

    public WorkflowDefinitionException selfInvokedSteps() {
        return fail("it declares @DurableStep methods, but a workflow can only call its own methods through 'this', "
                + "and CDI (Weld) does not intercept such calls: the steps would never be journaled. Move the steps "
                + "to another bean and inject it.");
    }

    public WorkflowDefinitionException duplicateName(String name, Class<?> other) {
        return fail("workflow name '" + name + "' is already used by " + other.getName()
                + ". Give one of them another name with @Workflow(name = ...).");
    }

    public Optional<WorkflowDefinition> definition(Workflow workflow, List<Method> entryMethods, Bean<?> bean) {
        String name = workflow.name().isBlank() ? beanClass.getSimpleName() : workflow.name();
        if (name.length() > MAX_NAME) {
            problems.add(fail("workflow name '" + name + "' is longer than " + MAX_NAME + " characters"));
        }
        if (workflow.version() < 1) {
            problems.add(fail("@Workflow(version = " + workflow.version() + ") must be 1 or more"));
        }
        int compatibleFrom = workflow.compatibleFrom() == 0 ? workflow.version() : workflow.compatibleFrom();
        if (compatibleFrom < 1 || compatibleFrom > workflow.version()) {
            problems.add(fail("@Workflow(compatibleFrom = " + workflow.compatibleFrom() + ") must be 1 to the version ("
                    + workflow.version() + ")"));
        }
        Map<String, Class<?>> signals = signals();
        if (entryMethods.isEmpty()) {
            problems.add(fail("no method is annotated @" + WorkflowMethod.class.getSimpleName()
                    + ". Annotate the method that runs the workflow."));
        } else if (entryMethods.size() > 1) {
            problems.add(fail("more than one method is annotated @" + WorkflowMethod.class.getSimpleName() + " ("
                    + entryMethods.stream().map(Method::getName).sorted().toList() + "). Keep exactly one."));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Method entry = entryMethods.get(0);
        checkEntry(entry);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Type input = entry.getParameterCount() == 1 ? entry.getGenericParameterTypes()[0] : null;
        CalendarSchedule schedule = schedule(input);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WorkflowDefinition(name, workflow.version(), beanClass, bean, entry, input,
                entry.getGenericReturnType(), compatibleFrom, signals, schedule));
    }

    private CalendarSchedule schedule(Type input) {
        WorkflowSchedule annotation = beanClass.getAnnotation(WorkflowSchedule.class);
        if (annotation == null) {
            return null;
        }
        if (input != null && input != Instant.class) {
            problems.add(fail("a scheduled workflow takes no input or the tick as java.time.Instant, not "
                    + input.getTypeName()));
            return null;
        }
        try {
            return CalendarSchedule.parse(annotation);
        } catch (IllegalArgumentException e) {
            problems.add(fail("@WorkflowSchedule is invalid: " + e.getMessage()));
            return null;
        }
    }

    private Map<String, Class<?>> signals() {
        Map<String, Class<?>> signals = new LinkedHashMap<>();
        for (Signal signal : beanClass.getAnnotationsByType(Signal.class)) {
            String where = "@Signal(name = \"" + signal.name() + "\"): ";
            if (!SIGNAL_NAME.matcher(signal.name()).matches()) {
                problems.add(fail(where + "a signal name is 1 to 100 letters, digits, '.', '_' or '-'"));
            } else if (signals.putIfAbsent(signal.name(), signal.type()) != null) {
                problems.add(fail(where + "the name is declared twice"));
            }
            if (signal.type() != Void.class) {
                JsonTypeCheck.problem(signal.type()).ifPresent(p ->
                        problems.add(fail(where + "its payload is stored as JSON, but " + p)));
            }
        }
        return signals;
    }

    private void checkEntry(Method entry) {
        String where = "@WorkflowMethod " + entry.getName() + ": ";
        int modifiers = entry.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers)) {
            problems.add(fail(where + "must be public and not static"));
        }
        if (entry.getParameterCount() > 1) {
            problems.add(fail(where + "takes " + entry.getParameterCount()
                    + " parameters; a workflow takes at most one input. Wrap them in a record."));
        }
        if (entry.getParameterCount() == 1) {
            JsonTypeCheck.problem(entry.getGenericParameterTypes()[0]).ifPresent(p ->
                    problems.add(fail(where + "its input is stored as JSON, but " + p)));
        }
        if (entry.getReturnType() != void.class) {
            JsonTypeCheck.problem(entry.getGenericReturnType()).ifPresent(p ->
                    problems.add(fail(where + "its output is stored as JSON, but " + p)));
        }
    }

    private WorkflowDefinitionException fail(String problem) {
        return new WorkflowDefinitionException(beanClass.getName(), problem);
    }
}
