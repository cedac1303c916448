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

    /** MicroProfile Fault Tolerance's annotations, by name: the API need not be there at run time. */
    private static final String FT = "org.eclipse.microprofile.faulttolerance.";

    /**
     * Fault Tolerance annotations that break a step's guarantees (on the method or its class, where
     * MicroProfile Fault Tolerance also reads them). Its interceptor runs inside the step's, so every
     * attempt and a fallback run inside the one journaled step and, for a transactional step, inside
     * its one transaction: a failed attempt's writes would commit with the next one's, and a timeout
     * interrupts a thread that is doing database work in it.
     */
    static Optional<String> faultToleranceProblem(Class<?> beanClass, Method method, DurableStep step) {
        if (carries(beanClass, method, FT + "Asynchronous") || carries(beanClass, method, FT + "AsynchronousNonBlocking")) {
            return Optional.of("@Asynchronous returns before the work is done, so there is no result to journal; "
                    + "call the step from a parallel branch (DurableContext.parallel) instead");
        }
        if (!step.transactional()) {
            return Optional.empty();
        }
        if (carries(beanClass, method, FT + "Timeout")) {
            return Optional.of("@Timeout on a transactional step interrupts the thread inside the step's transaction, "
                    + "and an interrupt during database I/O closes the connection (embedded H2 closes its database "
                    + "file; seen on Payara Micro); bound the work with the database's own statement timeout, or "
                    + "put the slow call in a plain step");
        }
        for (String annotation : new String[]{"Retry", "Fallback"}) {
            if (carries(beanClass, method, FT + annotation)) {
                return Optional.of("@" + annotation + " on a transactional step runs "
                        + ("Retry".equals(annotation) ? "every attempt" : "the fallback after the failed body")
                        + " in the step's one transaction, so a failed attempt's database writes would commit; "
                        + ("Retry".equals(annotation) ? "use @DurableStep(retry = ...), which gives every attempt a "
                        + "transaction of its own" : "catch the StepFailedException in the workflow and call another "
                        + "step instead"));
            }
        }
        return Optional.empty();
    }

    private static boolean carries(Class<?> beanClass, Method method, String annotation) {
        for (var found : method.getAnnotations()) {
            if (found.annotationType().getName().equals(annotation)) {
                return true;
            }
        }
        for (var found : beanClass.getAnnotations()) {
            if (found.annotationType().getName().equals(annotation)) {
                return true;
            }
        }
        return false;
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
        Optional<String> faultTolerance = faultToleranceProblem(beanClass, method, step);
        if (faultTolerance.isPresent()) {
            return Optional.of(new WorkflowDefinitionException(beanClass.getName(), where + faultTolerance.get()));
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
