package io.durable.spi;

import java.time.Instant;

/**
 * Why and until when a run parks (status SUSPENDED, no lease, no thread).
 *
 * @param wakeAt        when it is due again, or {@code null} to wait for a signal or an unpause only
 * @param waitingFor    what it waits for, shown to users: {@code sleep}, {@code signal:NAME},
 *                      {@code retry:STEP}, {@code pause}
 * @param awaitedSignal the signal name whose arrival wakes it, {@link #ANY_SIGNAL} when any signal
 *                      does (parallel branches waiting for different ones), or {@code null}
 */
public record Park(Instant wakeAt, String waitingFor, String awaitedSignal) {

    /** The awaited signal of a run that any arriving signal wakes. */
    public static final String ANY_SIGNAL = "*";

    /** The longest {@code waitingFor}. */
    public static final int MAX_WAITING_FOR = 200;

    /** Validates the fields. */
    public Park {
        if (waitingFor == null || waitingFor.isBlank() || waitingFor.length() > MAX_WAITING_FOR) {
            throw new IllegalArgumentException("waitingFor must be 1 to 200 characters, got " + waitingFor);
        }
        if (wakeAt == null && awaitedSignal == null && !"pause".equals(waitingFor)) {
            throw new IllegalArgumentException("A park needs a wake time or an awaited signal: " + waitingFor);
        }
    }
}
