package io.durable.track;

/**
 * What a new tracked call is.
 *
 * @param tool      the tool or API (1 to 100 characters)
 * @param operation the operation (1 to 200 characters)
 * @param input     its small input (stored as JSON), or {@code null}
 */
public record CallSpec(String tool, String operation, Object input) {

    /**
     * A call without recorded input.
     *
     * @param tool      the tool
     * @param operation the operation
     * @return the spec
     */
    public static CallSpec of(String tool, String operation) {
        return new CallSpec(tool, operation, null);
    }
}
