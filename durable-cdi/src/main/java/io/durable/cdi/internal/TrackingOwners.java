package io.durable.cdi.internal;

import io.durable.api.RunId;
import io.durable.spi.TrackingStore;
import io.durable.track.TrackingOwner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Whose runs the current caller sees: in workflow code, the owner stored on the run being executed
 * (the engine resumes runs outside any request); elsewhere the application's {@link TrackingOwner}
 * bean, or the empty owner without one. A run's owner never changes, so it is cached.
 */
@ApplicationScoped
class TrackingOwners {

    static final String NONE = "";
    private static final int MAX_OWNER = 200;
    private static final int CACHED = 2000;
    private static final Logger LOG = Logger.getLogger(TrackingOwners.class.getName());

    @Inject
    Instance<TrackingOwner> owner;

    @Inject
    Instance<TrackingStore> store;

    private final Map<String, String> ofRuns = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED;
        }
    });

    /** The owner of the calling code. */
    String current() {
        Scope scope = Scope.current();
        if (scope != null) {
            return ofRun(scope.execution().run().id().value(), scope.execution().run().parentRunId());
        }
        return ofCaller();
    }

    /** The owner the application's bean gives for the caller, or the empty owner. */
    String ofCaller() {
        if (!owner.isResolvable()) {
            return NONE;
        }
        try {
            String value = owner.get().currentOwner().orElse(NONE);
            if (value.length() > MAX_OWNER) {
                throw new IllegalStateException("TrackingOwner returned an owner of " + value.length()
                        + " characters; at most " + MAX_OWNER + " are allowed");
            }
            return value;
        } catch (ContextNotActiveException e) {
            LOG.fine(() -> "No context for the TrackingOwner bean on this thread; using the empty owner");
            return NONE;
        }
    }

    /**
     * The owner stored for a workflow run (its tracked run), else the owner a new run would get.
     *
     * @param runId       the workflow run
     * @param parentRunId its parent, or {@code null}
     * @return the owner
     */
    String ofRun(String runId, RunId parentRunId) {
        String known = ofRuns.get(runId);
        if (known != null) {
            return known;
        }
        Optional<String> stored = store.isResolvable() ? store.get().ownerOf(runId) : Optional.empty();
        stored.ifPresent(value -> ofRuns.put(runId, value));
        return stored.orElseGet(() -> forNewRun(runId, parentRunId));
    }

    /**
     * The owner of a run being started: the one remembered for it (a continuation takes its
     * predecessor's), else its parent's, else the caller's.
     *
     * @param runId       the new run
     * @param parentRunId its parent, or {@code null}
     * @return the owner
     */
    String forNewRun(String runId, RunId parentRunId) {
        String known = ofRuns.get(runId);
        if (known != null) {
            return known;
        }
        return parentRunId != null ? ofRun(parentRunId.value(), null) : ofCaller();
    }

    /** Remembers a run's owner (when its tracked run is created). */
    void remember(String runId, String value) {
        ofRuns.put(runId, value);
    }
}
