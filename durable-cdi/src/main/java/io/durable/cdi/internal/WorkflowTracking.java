package io.durable.cdi.internal;

import io.durable.api.RunFinished;
import io.durable.api.RunInfo;
import io.durable.api.RunStarted;
import io.durable.spi.TrackingStore;
import io.durable.track.TrackStatus;
import io.durable.track.TrackedRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Tracks every durable workflow run without any call from the application: a tracked run under the
 * workflow run's id (type = workflow name, owner = the starting caller's, a child's = its parent's,
 * a continuation's = its predecessor's) when it starts, ended when it ends. Its steps are read
 * from the journal. Without a {@link TrackingStore} bean nothing is tracked.
 */
@ApplicationScoped
class WorkflowTracking {

    @Inject
    Instance<TrackingStore> stores;

    void started(@Observes RunStarted event) {
        if (!stores.isResolvable()) {
            return;
        }
        RunInfo run = event.run();
        String id = run.id().value();
        // a start that found an existing run fires no RunStarted, so the tracked run is new
        String owner = run.owner();
        stores.get().insertRun(new TrackedRun(id, run.workflowName(), run.parentRunId() == null ? "workflow" : "child", owner,
                TrackStatus.RUNNING, DefaultRunTracker.shorten(run.inputJson()), null, null, Map.of(), run.createdAt(),
                run.createdAt(), null));
    }

    void finished(@Observes RunFinished event) {
        if (!stores.isResolvable()) {
            return;
        }
        RunInfo run = event.run();
        String id = run.id().value();
        TrackingStore store = stores.get();
        String owner = run.owner();
        store.findRun(id, owner).filter(tracked -> !tracked.status().isComplete()).ifPresent(tracked -> {
            TrackStatus status = switch (run.status()) {
                case COMPLETED, CONTINUED -> TrackStatus.COMPLETED;
                default -> TrackStatus.FAILED;
            };
            String output = run.continuedAs() != null ? "{\"continuedAs\":\"" + run.continuedAs().value() + "\"}"
                    : DefaultRunTracker.shorten(run.outputJson());
            String error = status == TrackStatus.FAILED ? (run.error() == null ? run.status().name() : run.error()) : null;
            store.updateRun(tracked.with(status, output, error, tracked.startedAt(),
                    run.finishedAt() == null ? run.createdAt() : run.finishedAt()));
        });
    }
}
