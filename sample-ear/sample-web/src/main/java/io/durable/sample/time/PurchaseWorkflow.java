package io.durable.sample.time;

import io.durable.api.Approval;
import io.durable.api.DurableContext;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Locale;

/**
 * Waits up to three days for a manager's approval (key {@code manager}), decided by an operator
 * through the operator API ({@code POST /api/durable/runs/{id}/approvals/manager/approve}); the
 * decision, with who made it, is the run's output.
 */
@Workflow(name = "purchase")
public class PurchaseWorkflow {

    /** The approval's key. */
    public static final String APPROVAL = "manager";

    @Inject
    DurableContext context;

    /**
     * Runs the approval.
     *
     * @param purchaseId the purchase
     * @return for example {@code "p-1 approved by operator"}
     */
    @WorkflowMethod
    public String run(String purchaseId) {
        Approval decision = context.awaitApproval(APPROVAL, Duration.ofDays(3));
        return purchaseId + " " + decision.status().name().toLowerCase(Locale.ROOT) + " by "
                + (decision.actor() == null ? "nobody" : decision.actor());
    }
}
