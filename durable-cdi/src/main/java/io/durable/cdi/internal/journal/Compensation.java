package io.durable.cdi.internal.journal;

import io.durable.cdi.internal.definition.StepDescriptor;

/**
 * A completed step's registered compensation.
 *
 * @param sequence the step's journal sequence (the compensations run in reverse sequence order)
 * @param stepKey  the step's key
 * @param step     the step's descriptor, with the compensation method
 * @param target   the bean instance the step ran on
 * @param result   the step's result, passed to the compensation
 */
public record Compensation(int sequence, String stepKey, StepDescriptor step, Object target, Object result) {
}
