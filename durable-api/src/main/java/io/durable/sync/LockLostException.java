package io.durable.sync;

import io.durable.api.DurableException;
import io.durable.api.NonRetryable;

/**
 * A sync's lock was taken by another holder (it expired while this sync was stalled): the sync stops,
 * as two syncs of one resource must not run together.
 */
@NonRetryable
public class LockLostException extends DurableException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param resource the resource
     * @param holder   the holder that lost it
     */
    public LockLostException(String resource, String holder) {
        super("The lock on '" + resource + "' held by " + holder + " expired and was taken by another sync; this "
                + "sync stops. Raise the lock TTL if pages take longer than it.");
    }
}
