package io.durable.sync;

import io.durable.api.DurableException;
import io.durable.api.NonRetryable;

import java.time.Instant;

/**
 * A resource is locked by another live holder: a second sync of the same resource is refused while
 * the first runs.
 */
@NonRetryable
public class ResourceLockedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String resource;
    private final String holder;
    private final transient Instant expiresAt;

    /**
     * Creates the exception.
     *
     * @param resource  the resource
     * @param holder    who holds it
     * @param expiresAt when its lock lapses unless renewed
     */
    public ResourceLockedException(String resource, String holder, Instant expiresAt) {
        super("Resource '" + resource + "' is locked by " + holder + " until " + expiresAt + " (renewed while it "
                + "runs). Wait for that sync to finish, or start with the WAIT option.");
        this.resource = resource;
        this.holder = holder;
        this.expiresAt = expiresAt;
    }

    /**
     * The locked resource.
     *
     * @return the resource
     */
    public String resource() {
        return resource;
    }

    /**
     * Who holds it.
     *
     * @return the holder
     */
    public String holder() {
        return holder;
    }

    /**
     * When its lock lapses unless renewed.
     *
     * @return the expiry
     */
    public Instant expiresAt() {
        return expiresAt;
    }
}
