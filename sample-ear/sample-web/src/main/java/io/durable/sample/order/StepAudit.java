package io.durable.sample.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Records every execution of a step body, for tests that prove nothing journaled ran twice. */
@ApplicationScoped
public class StepAudit {

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    /** In the step's own transaction: rolled back with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordInTransaction(String runId, String stepKey, String orderId) {
        em.persist(new StepExecution(runId, stepKey, orderId));
    }

    /** Committed at once, whatever happens to the step afterwards. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAlone(String runId, String stepKey, String orderId) {
        em.persist(new StepExecution(runId, stepKey, orderId));
    }
}
