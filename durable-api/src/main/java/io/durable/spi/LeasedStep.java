package io.durable.spi;

import io.durable.api.StepInfo;

import java.util.Objects;

/**
 * A journal entry with the lease of the execution that writes it, for
 * {@link WorkflowStore#appendSteps}.
 *
 * @param lease the writer's lease
 * @param step  the entry
 */
public record LeasedStep(Lease lease, StepInfo step) {

    /** Validates the fields. */
    public LeasedStep {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(step, "step");
    }
}
