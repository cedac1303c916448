package io.durable.cdi.internal.journal;

/**
 * Unwinds workflow code when its run parks (sleep, signal wait, durable retry back-off, pause).
 * An {@link Error}, so the usual {@code catch (Exception e)} in workflow code lets it through; the
 * engine catches it and stores the park. Without stack trace: it is control flow, not a failure.
 */
public final class Parked extends Error {

    private static final long serialVersionUID = 1L;

    static final Parked INSTANCE = new Parked();

    private Parked() {
        super("The run parks here; the engine resumes it when it is due", null, false, false);
    }
}
