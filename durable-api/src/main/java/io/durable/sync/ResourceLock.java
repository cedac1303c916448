package io.durable.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * A lock on a synced resource: held by one holder until released or until it expires (a crashed
 * holder's lock expires on its own).
 *
 * @param resource   what is locked, for example {@code crm:customers}
 * @param holder     who holds it (a sync holds it under its run id)
 * @param acquiredAt when the holder took it
 * @param expiresAt  when it lapses unless renewed
 */
public record ResourceLock(String resource, String holder, Instant acquiredAt, Instant expiresAt) {

    /** Validates the fields. */
    public ResourceLock {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Whether it still holds at a time.
     *
     * @param now the time
     * @return {@code true} before it expires
     */
    public boolean isLive(Instant now) {
        return now.isBefore(expiresAt);
    }
}
