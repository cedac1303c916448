package io.durable.cdi.internal.journal;

import jakarta.interceptor.InvocationContext;

import java.util.concurrent.Callable;

/** One call of a step body: an intercepted {@code @DurableStep} method or a lambda step. */
public interface StepCall {

    /** The arguments, hashed for the determinism check. */
    Object[] arguments();

    /** The bean instance, for its compensation method ({@code null} for a lambda). */
    Object target();

    /** Runs the body. */
    Object proceed() throws Exception;

    static StepCall of(InvocationContext invocation) {
        return new StepCall() {
            @Override
            public Object[] arguments() {
                return invocation.getParameters();
            }

            @Override
            public Object target() {
                return invocation.getTarget();
            }

            @Override
            public Object proceed() throws Exception {
                return invocation.proceed();
            }
        };
    }

    static StepCall of(Callable<?> body) {
        return new StepCall() {
            @Override
            public Object[] arguments() {
                return new Object[0];
            }

            @Override
            public Object target() {
                return null;
            }

            @Override
            public Object proceed() throws Exception {
                return body.call();
            }
        };
    }
}
