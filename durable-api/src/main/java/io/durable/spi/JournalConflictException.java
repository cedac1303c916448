package io.durable.spi;

import io.durable.api.DurableException;

/**
 * A journal entry with the same step key exists already: a node that lost its lease wrote it in
 * the instant before the claim. The writer's transaction rolls back; the engine replays the run,
 * which then returns the entry that won.
 */
public class JournalConflictException extends DurableException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param runId   the run
     * @param stepKey the step key that is journaled already
     * @param cause   the store's failure, or {@code null}
     */
    public JournalConflictException(String runId, String stepKey, Throwable cause) {
        super("Step '" + stepKey + "' of run " + runId + " is journaled already (written concurrently by a node "
                + "that lost its lease); the run is replayed from the journal.", cause);
    }
}
