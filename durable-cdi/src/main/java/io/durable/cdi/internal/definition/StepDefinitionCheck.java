package io.durable.cdi.internal.definition;

import io.durable.api.DurableStep;
import io.durable.api.WorkflowDefinitionException;
import io.durable.cdi.internal.json.JsonTypeCheck;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/** Validates one {@code @DurableStep} method at deployment. */
public final class StepDefinitionCheck {

    static final int MAX_STEP_NAME = io.durable.api.Limit.STEP_NAME.max();

    private StepDefinitionCheck() {
    }

    /** What is wrong with a step name, if anything. */
    public static Optional<String> nameProblem(String name) {
        if (name.isEmpty() || name.length() > MAX_STEP_NAME || name.contains("#") || name.contains("/")
                || name.startsWith("@")) {
            return Optional.of("step name '" + name + "' must be 1 to " + MAX_STEP_NAME + " characters, must not "
                    + "contain '#' or '/' and must not start with '@' (reserved for the engine's own journal entries)");
        }
        return Optional.empty();
    }

    public static Optional<WorkflowDefinitionException> problem(Class<?> beanClass, Method method, DurableStep step) {
        String where = "@DurableStep method " + method.getName() + ": ";
        int modifiers = method.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers) || Modifier.isFinal(modifiers)) {
            return Optional.of(new WorkflowDefinitionException(beanClass.getName(), where
                    + "a step must be an instance method that is neither private nor final, or the container "
                    + "cannot intercept it"));
        }
        String name = step.name().isBlank() ? method.getName() : step.name();
        Optional<String> nameProblem = nameProblem(name);
        if (nameProblem.isPresent()) {
            return Optional.of(new WorkflowDefinitionException(beanClass.getName(), where + nameProblem.get()));
        }
        if (!step.compensation().isBlank()) {
            Optional<Method> compensation = StepDescriptors.compensation(method, step.compensation());
            if (compensation.isEmpty()) {
                return Optional.of(new WorkflowDefinitionException(beanClass.getName(), where + "its compensation '"
                        + step.compensation() + "' must be a method of the same class taking no parameter"
                        + (method.getReturnType() == void.class ? "" : " or one that accepts the step's result ("
                        + method.getReturnType().getName() + ")")));
            }
            Method undo = compensation.get();
            if (undo.isAnnotationPresent(DurableStep.class) || Modifier.isStatic(undo.getModifiers())) {
                return Optional.of(new WorkflowDefinitionException(beanClass.getName(), where + "its compensation '"
                        + step.compensation() + "' must be an instance method without @DurableStep: the engine "
                        + "journals each compensation itself"));
            }
        }
        if (method.getReturnType() != void.class) {
            Optional<String> problem = JsonTypeCheck.problem(method.getGenericReturnType());
            if (problem.isPresent()) {
                return Optional.of(new WorkflowDefinitionException(beanClass.getName(), where
                        + "its result is journaled as JSON, but " + problem.get()));
            }
        }
        return Optional.empty();
    }
}
