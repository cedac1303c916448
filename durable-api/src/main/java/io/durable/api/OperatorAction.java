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

    /** The interventions an operator can make. */
    public enum Kind {
        /** Stop at the next step boundary and stay parked until unpaused. */
        PAUSE,
        /** Let a paused run go on. */
        UNPAUSE,
        /** Stop for good. */
        CANCEL,
        /** Let a BLOCKED run go on: it becomes PENDING with its recovery attempts reset. */
        RETRY
    }

    /**
     * Validates the fields.
     *
     * @throws PayloadException when the actor is blank
     * @throws LimitExceededException when the actor or reason is over {@link Limit#ACTOR} or {@link Limit#REASON}
     */
    public OperatorAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (actor == null || actor.isBlank()) {
            throw new PayloadException("An operator action needs an actor, got "
                    + (actor == null ? "none" : "'" + actor + "'"), null);
        }
        Limit.ACTOR.check(actor);
        reason = Limit.REASON.check(reason == null ? "" : reason);
    }
}
