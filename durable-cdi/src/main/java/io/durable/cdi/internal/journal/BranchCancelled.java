package io.durable.cdi.internal.journal;

/**
 * Unwinds a parallel branch whose sibling failed under fail-fast: thrown at the branch's next durable
 * call. An {@link Error} without stack trace; the parallel block catches it.
 */
public final class BranchCancelled extends Error {

    private static final long serialVersionUID = 1L;

    static final BranchCancelled INSTANCE = new BranchCancelled();

    private BranchCancelled() {
        super("A sibling branch failed; this branch stops here", null, false, false);
    }
}
