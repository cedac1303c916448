package io.durable.track;

import java.util.Optional;

/**
 * Tells the tracker who the current caller belongs to (user, space, organisation: the tenant).
 * Implement it as a CDI bean, for example from the security principal or a request header; the
 * owner is stored on every tracked run, step and call, and every tracker query and update answers
 * only for the caller's owner: another owner's run is "not found". Without such a bean every run has
 * the empty owner.
 *
 * <p>It is called on the caller's thread. Work running outside a request (a durable workflow
 * resumed by the engine) uses the owner stored on its run.
 */
public interface TrackingOwner {

    /**
     * The current caller's owner.
     *
     * @return the owner (up to 200 characters), or empty when the caller has none
     */
    Optional<String> currentOwner();
}
