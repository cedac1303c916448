package io.durable.cdi.internal.tracking;

import io.durable.api.Limit;
import io.durable.cdi.internal.journal.Scope;
import io.durable.track.TrackingOwner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Whose runs the current caller sees, and whose a run it starts is: in workflow code, the owner
 * stored on the run being executed (the engine resumes runs outside any request); elsewhere the
 * application's {@link TrackingOwner} bean, or the empty owner without one or without an active
 * context for it (a timer thread: cron ticks; batch code outside a request).
 */
@ApplicationScoped
public class TrackingOwners {

    static final String NONE = "";
    private static final Logger LOG = Logger.getLogger(TrackingOwners.class.getName());

    @Inject
    Instance<TrackingOwner> owner;

    /** The owner of the calling code. */
    public String current() {
        Scope scope = Scope.current();
        return scope != null ? scope.execution().run().owner() : ofCaller();
    }

    /** The owner the application's bean gives for the caller, or the empty owner. */
    public String ofCaller() {
        if (!owner.isResolvable()) {
            return NONE;
        }
        try {
            return Limit.OWNER.check(owner.get().currentOwner().orElse(NONE));
        } catch (ContextNotActiveException e) {
            LOG.fine(() -> "No context for the TrackingOwner bean on this thread; using the empty owner");
            return NONE;
        }
    }
}
