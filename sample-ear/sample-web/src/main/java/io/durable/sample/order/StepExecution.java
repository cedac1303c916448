package io.durable.sample.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One execution of a step body. */
@Entity
@Table(name = "sample_step_execution")
public class StepExecution {

    @Id
    @Column(length = 36)
    public String id = UUID.randomUUID().toString();

    @Column(name = "run_id", length = 64, nullable = false)
    public String runId;

    @Column(name = "step_key", length = 170, nullable = false)
    public String stepKey;

    @Column(name = "order_id", length = 64, nullable = false)
    public String orderId;

    public StepExecution() {
    }

    public StepExecution(String runId, String stepKey, String orderId) {
        this.runId = runId;
        this.stepKey = stepKey;
        this.orderId = orderId;
    }
}
