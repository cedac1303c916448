package io.durable.spi;

import io.durable.api.Approval;
import io.durable.api.Limit;
import io.durable.api.LimitExceededException;
import io.durable.api.OperatorAction;
import io.durable.api.StepInfo;

/**
 * The checks every {@link WorkflowStore} makes before a write, against the one table of
 * {@link Limit limits}: a value over a limit is refused with a {@link LimitExceededException} and
 * nothing is written, whatever the database, so the in-memory store refuses exactly what the JPA
 * stores refuse. A store calls the check for a write first, before reading or writing anything.
 */
public final class StoreLimits {

    private StoreLimits() {
    }

    /**
     * Checks a run to create (also the successor of a run that continues as new).
     *
     * @param run the run
     * @throws LimitExceededException when a field is over its limit
     */
    public static void check(NewRun run) {
        Limit.WORKFLOW_NAME.check(run.workflowName());
        Limit.INSTANCE_ID.check(run.instanceId());
        if (run.parentStepKey() != null) {
            checkStepKey(run.parentStepKey());
        }
        Limit.INPUT.check(run.inputJson());
    }

    /**
     * Checks a journal entry to append or replace.
     *
     * @param step the entry
     * @throws LimitExceededException when a field is over its limit
     */
    public static void check(StepInfo step) {
        checkStepKey(step.stepKey());
        Limit.ENTRY_NAME.check(step.name());
        Limit.STEP_RESULT.check(step.resultJson());
        Limit.ERROR_TYPE.check(step.errorType());
        Limit.ERROR.check(step.error());
    }

    /**
     * Checks a step key's length and how deeply it is nested in parallel blocks.
     *
     * @param stepKey the key
     * @throws LimitExceededException when it is too long or too deep
     */
    public static void checkStepKey(String stepKey) {
        Limit.STEP_KEY.check(stepKey);
        Limit.PARALLEL_DEPTH.check(stepKey);
    }

    /**
     * Checks a signal to store.
     *
     * @param signal the signal
     * @throws LimitExceededException when a field is over its limit
     */
    public static void check(NewSignal signal) {
        Limit.SIGNAL_NAME.check(signal.name());
        Limit.IDEMPOTENCY_KEY.check(signal.idempotencyKey());
        Limit.SIGNAL_PAYLOAD.check(signal.payloadJson());
    }

    /**
     * Checks a park.
     *
     * @param park the park
     * @throws LimitExceededException when what it waits for is too long
     */
    public static void check(Park park) {
        Limit.WAITING_FOR.check(park.waitingFor());
        Limit.AWAITED_SIGNAL.check(park.awaitedSignal());
    }

    /**
     * Checks an operator action.
     *
     * @param action the action
     * @throws LimitExceededException when the actor or reason is too long
     */
    public static void check(OperatorAction action) {
        Limit.ACTOR.check(action.actor());
        Limit.REASON.check(action.reason());
    }

    /**
     * Checks an approval to store.
     *
     * @param approval the approval
     * @throws LimitExceededException when a field is over its limit
     */
    public static void check(Approval approval) {
        Limit.WORKFLOW_NAME.check(approval.workflowName());
        Limit.APPROVAL_KEY.check(approval.key());
        checkDecision(approval.actor(), approval.reason());
    }

    /**
     * Checks who decided an approval and why.
     *
     * @param actor  the actor, or {@code null}
     * @param reason the reason, or {@code null}
     * @throws LimitExceededException when one is too long
     */
    public static void checkDecision(String actor, String reason) {
        Limit.ACTOR.check(actor);
        Limit.REASON.check(reason);
    }

    /**
     * Checks how a run ends.
     *
     * @param outputJson the output, or {@code null}
     * @param error      the error, or {@code null}
     * @throws LimitExceededException when one is too large
     */
    public static void checkFinish(String outputJson, String error) {
        Limit.OUTPUT.check(outputJson);
        Limit.ERROR.check(error);
    }
}
