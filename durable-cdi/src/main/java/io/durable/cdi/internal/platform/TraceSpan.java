package io.durable.cdi.internal.platform;

/**
 * One span of the engine's tracing (a run's execution, a step's attempt), current on the thread that
 * started it until {@link #close()}; it names no OpenTelemetry type, so engine code that holds one loads
 * where the API is absent. Without tracing every span is {@link #NONE}, which does nothing.
 */
public interface TraceSpan extends AutoCloseable {

    /** The span of no tracing. */
    TraceSpan NONE = new TraceSpan() {
        @Override
        public void failed(Throwable failure) {
        }

        @Override
        public void attribute(String key, String value) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Marks the span as failed with the exception (the workflow's or a step body's failure).
     *
     * @param failure what failed
     */
    void failed(Throwable failure);

    /**
     * Adds an attribute.
     *
     * @param key   the attribute's name, {@code durable.*}
     * @param value its value; {@code null} adds nothing
     */
    void attribute(String key, String value);

    /** Ends the span and makes current again what was current before it; on the thread that started it. */
    @Override
    void close();
}
