package io.durable.track;

/**
 * What a new tracked step is.
 *
 * @param stepType     what it does, for example {@code fetch_page} (1 to 100 characters)
 * @param parentStepId the step of the same run it is nested under, or {@code null}
 * @param input        its input (stored as small JSON), or {@code null}
 */
public record StepSpec(String stepType, String parentStepId, Object input) {

    /**
     * A top-level step without input.
     *
     * @param stepType the step type
     * @return the spec
     */
    public static StepSpec of(String stepType) {
        return new StepSpec(stepType, null, null);
    }

    /**
     * A nested step without input.
     *
     * @param stepType     the step type
     * @param parentStepId the parent step
     * @return the spec
     */
    public static StepSpec nested(String stepType, String parentStepId) {
        return new StepSpec(stepType, parentStepId, null);
    }
}
