package io.durable.cdi.internal.journal;

import io.durable.api.Limit;
import io.durable.api.LimitExceededException;
import io.durable.spi.StoreLimits;

/**
 * The {@link Limit limits} applied to values a run produces (step keys, results, a child's input),
 * at the call that produced them: over a limit, the execution aborts with the error, so the run
 * fails with it, even when the workflow code catches it. Running the code again would produce the
 * same value, so the run is not left to be retried.
 */
public final class RunLimits {

    private RunLimits() {
    }

    public static String check(Execution execution, Limit limit, String value) {
        try {
            return limit.check(value);
        } catch (LimitExceededException e) {
            throw aborted(execution, e);
        }
    }

    static String checkStepKey(Execution execution, String stepKey) {
        try {
            StoreLimits.checkStepKey(stepKey);
            return stepKey;
        } catch (LimitExceededException e) {
            throw aborted(execution, e);
        }
    }

    private static LimitExceededException aborted(Execution execution, LimitExceededException e) {
        execution.abort(e);
        return e;
    }
}
