package io.durable.cdi.internal.journal;

/**
 * Unwinds workflow code after {@code continueAsNew}: an {@link Error}, so {@code catch (Exception e)}
 * lets it through, without stack trace.
 */
final class ContinuedAsNew extends Error {

    private static final long serialVersionUID = 1L;

    static final ContinuedAsNew INSTANCE = new ContinuedAsNew();

    private ContinuedAsNew() {
        super("The run continues as a new run", null, false, false);
    }
}
