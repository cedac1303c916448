package io.durable.sample.chaos.war;

import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import io.durable.sample.order.StepAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** The tick's one step, audited in its own transaction, so the test counts its executions. */
@ApplicationScoped
public class ChaosTickSteps {

    @Inject
    DurableContext context;

    @Inject
    StepAudit audit;

    @DurableStep(transactional = true)
    public String record(Instant tick) {
        audit.recordInTransaction(context.runId().value(), context.stepKey(), "tick");
        return String.valueOf(tick);
    }
}
