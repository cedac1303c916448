package io.durable.cdi.internal.definition;

import io.durable.api.DurableStep;
import io.durable.api.WorkflowMethod;
import io.durable.cdi.internal.json.JsonCodec;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The step descriptors, by method. Methods seen during deployment are registered then; a method the
 * container intercepts without having shown it to the extension is described on first use, once.
 */
public final class StepDescriptors {

    private final Map<Method, StepDescriptor> byMethod = new ConcurrentHashMap<>();

    /** @return the retry policy names the registered steps use */
    public java.util.Set<String> retryNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        byMethod.values().forEach(d -> names.add(d.retry()));
        return names;
    }

    public void register(Method method, DurableStep annotation) {
        byMethod.put(method, describe(method, annotation));
    }

    /** @return the descriptor, or {@code null} when the method is a workflow's entry method */
    public StepDescriptor of(Method method) {
        if (method.isAnnotationPresent(WorkflowMethod.class)) {
            return null;
        }
        return byMethod.computeIfAbsent(method, m -> {
            DurableStep annotation = m.getAnnotation(DurableStep.class);
            if (annotation == null) {
                annotation = m.getDeclaringClass().getAnnotation(DurableStep.class);
            }
            return describe(m, annotation);
        });
    }

    private static StepDescriptor describe(Method method, DurableStep annotation) {
        String name = annotation == null || annotation.name().isBlank() ? method.getName() : annotation.name();
        boolean transactional = annotation != null && annotation.transactional();
        return new StepDescriptor(name, transactional, method.getGenericReturnType(),
                method.getReturnType() == void.class, annotation == null ? "none" : annotation.retry(),
                annotation == null ? List.of() : List.of(annotation.noRetryOn()),
                annotation == null ? null : compensation(method, annotation.compensation()).orElse(null));
    }

    /**
     * The compensation method a step names: a method of the step's class with that name taking the
     * step's result, or nothing.
     */
    static java.util.Optional<Method> compensation(Method step, String name) {
        if (name.isBlank()) {
            return java.util.Optional.empty();
        }
        for (Class<?> type = step.getDeclaringClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method candidate : type.getDeclaredMethods()) {
                if (candidate.getName().equals(name) && !candidate.isSynthetic() && !candidate.isBridge()
                        && (candidate.getParameterCount() == 0 || candidate.getParameterCount() == 1
                        && step.getReturnType() != void.class
                        && JsonCodec.boxed(candidate.getParameterTypes()[0]).isAssignableFrom(JsonCodec.boxed(step.getReturnType())))) {
                    candidate.setAccessible(true);
                    return java.util.Optional.of(candidate);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
