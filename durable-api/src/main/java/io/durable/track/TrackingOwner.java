package io.durable.track;

import java.util.Optional;

/**
 * Tells the tracker who the current caller belongs to (user, space, organisation: the tenant).
 * Implement it as a CDI bean, for example from the security principal or a request header; the
 * owner is stored on the run (workflow run or tracked job) when it is created, and every tracker
 * query and update answers only for the caller's owner: another owner's run is "not found". Without
 * such a bean every run has the empty owner.
 *
 * <p>It is called on the thread that starts a run. A child workflow takes its parent's owner and a
 * continuation (continue-as-new) its predecessor's; workflow code, which the engine resumes outside
 * any request, uses the owner stored on its run. Runs no caller starts get what the bean answers on
 * the starting thread: a scheduled (cron) run starts on a timer thread, where a request-scoped bean
 * has no active context, so it gets the empty owner; so does batch code outside a request unless
 * the bean answers there.
 */
public interface TrackingOwner {

    /**
     * The current caller's owner.
     *
     * @return the owner (up to 200 characters), or empty when the caller has none
     */
    Optional<String> currentOwner();
}
