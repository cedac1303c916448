package io.durable.track;

/**
 * What a new tracked run is.
 *
 * @param runType what kind of run, for example {@code sync_customers} (1 to 100 characters)
 * @param trigger what started it, for example {@code cron} or {@code manual} (up to 100 characters), or {@code null}
 * @param input   its input (stored as small JSON), or {@code null}
 */
public record RunSpec(String runType, String trigger, Object input) {

    /**
     * A run without input.
     *
     * @param runType the run type
     * @param trigger the trigger
     * @return the spec
     */
    public static RunSpec of(String runType, String trigger) {
        return new RunSpec(runType, trigger, null);
    }
}
