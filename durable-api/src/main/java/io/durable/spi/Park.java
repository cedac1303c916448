package io.durable.spi;

import java.time.Instant;

/**
 * Why and until when a run parks (status SUSPENDED, no lease, no thread).
 *
 * @param wakeAt        when it is due again, or {@code null} to wait for a signal or an unpause only
 * @param waitingFor    what it waits for, shown to users: {@code sleep}, {@code signal:NAME},
 *                      {@code retry:STEP}, {@code pause}
 * @param awaitedSignal the signal name whose arrival wakes it; for parallel branches waiting for
 *                      different signals, the names as a list {@code |a|b|} (see {@link #anyOf}), or
 *                      {@link #ANY_SIGNAL} when that list would not fit; or {@code null}
 */
public record Park(Instant wakeAt, String waitingFor, String awaitedSignal) {

    /** The awaited signal of a run that any arriving signal wakes. */
    public static final String ANY_SIGNAL = "*";

    /** Separates the names of an awaited-signal list; no signal name contains it. */
    public static final String LIST = "|";

    /**
     * The awaited signal of a run that waits for any of several signals.
     *
     * @param names the signal names (none contains {@code |})
     * @return the single name, the list {@code |a|b|}, or {@link #ANY_SIGNAL} when the list is too long
     */
    public static String anyOf(java.util.Collection<String> names) {
        if (names.size() == 1) {
            return names.iterator().next();
        }
        String list = LIST + String.join(LIST, names) + LIST;
        return list.length() <= io.durable.api.Limit.AWAITED_SIGNAL.max() ? list : ANY_SIGNAL;
    }

    /**
     * Whether a run parked with this awaited signal wakes when a signal of this name arrives.
     *
     * @param awaited the stored awaited signal (name, list or {@link #ANY_SIGNAL}), may be {@code null}
     * @param name    the arriving signal's name
     * @return whether it wakes
     */
    public static boolean wakes(String awaited, String name) {
        return awaited != null && (awaited.equals(name) || ANY_SIGNAL.equals(awaited)
                || awaited.startsWith(LIST) && awaited.contains(LIST + name + LIST));
    }

    /**
     * The signal names an awaited signal stands for.
     *
     * @param awaited a name or a list (not {@link #ANY_SIGNAL})
     * @return the names
     */
    public static java.util.List<String> names(String awaited) {
        if (!awaited.startsWith(LIST)) {
            return java.util.List.of(awaited);
        }
        return java.util.Arrays.stream(awaited.split(java.util.regex.Pattern.quote(LIST)))
                .filter(n -> !n.isEmpty()).toList();
    }

    /** Validates the fields. */
    public Park {
        if (waitingFor == null || waitingFor.isBlank()) {
            throw new IllegalArgumentException("waitingFor must not be blank, got " + waitingFor);
        }
        if (wakeAt == null && awaitedSignal == null && !"pause".equals(waitingFor)) {
            throw new IllegalArgumentException("A park needs a wake time or an awaited signal: " + waitingFor);
        }
    }
}
