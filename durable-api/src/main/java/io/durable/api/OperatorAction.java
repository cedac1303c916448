package io.durable.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's intervention in a run, stored with the run.
 *
 * @param kind   what was done
 * @param actor  who did it (a user name, a service), never blank
 * @param reason why, as given by the actor (may be empty)
 * @param at     when
 */
public record OperatorAction(Kind kind, String actor, String reason, Instant at) {

    /** The longest actor name stored. */
    public static final int MAX_ACTOR = 100;
    /** The longest reason stored. */
    public static final int MAX_REASON = 1000;

    /** The interventions an operator can make. */
    public enum Kind {
        /** Stop at the next step boundary and stay parked until unpaused. */
        PAUSE,
        /** Let a paused run go on. */
        UNPAUSE,
        /** Stop for good. */
        CANCEL
    }

    /**
     * Validates the fields.
     *
     * @throws PayloadException when the actor is blank or the actor or reason is too long
     */
    public OperatorAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR) {
            throw new PayloadException("An operator action needs an actor of 1 to " + MAX_ACTOR + " characters, got "
                    + (actor == null ? "none" : "'" + actor + "'"), null);
        }
        reason = reason == null ? "" : reason;
        if (reason.length() > MAX_REASON) {
            throw new PayloadException("A reason is at most " + MAX_REASON + " characters, got " + reason.length(), null);
        }
    }
}
