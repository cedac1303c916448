package io.durable.cdi.internal.sync;

import java.time.Instant;

/**
 * What a sync's {@code sync.begin} step found (journaled, so public for JSON-B): the lock taken, or
 * who holds it.
 *
 * @param acquired  whether the sync holds the lock now
 * @param holder    the holder
 * @param expiresAt when the other holder's lock lapses, or {@code null}
 */
public record SyncBegin(boolean acquired, String holder, Instant expiresAt) {
}
