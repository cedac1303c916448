package io.durable.cdi.internal.journal;

import io.durable.api.DurableStep;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.StepDescriptor;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Hands every {@code @DurableStep} call made by a running workflow to the {@link StepRunner}.
 * Outside a workflow, and inside another step, the method simply runs.
 *
 * <p>The priority puts it inside {@code @Transactional} and MicroProfile Metrics and outside
 * MicroProfile Fault Tolerance, so fault-tolerance retries happen inside one journaled step.
 */
@DurableStep
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
class DurableStepInterceptor {

    @Inject
    StepRunner runner;

    @Inject
    Deployment extension;

    @AroundInvoke
    Object aroundStep(InvocationContext invocation) throws Exception {
        Scope scope = Scope.current();
        if (scope == null || scope.inStep()) {
            return invocation.proceed();
        }
        StepDescriptor step = extension.steps().of(invocation.getMethod());
        if (step == null) {
            return invocation.proceed();
        }
        return runner.run(scope, step, StepCall.of(invocation));
    }
}
