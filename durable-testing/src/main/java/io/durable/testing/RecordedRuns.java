package io.durable.testing;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.cdi.internal.journal.ReplayChecks;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs a {@link WorkflowTestKit#replay} loaded, for the engine: they execute as replay checks, so
 * no step body runs. A run that continues one of them (same workflow and instance id) is replayed too,
 * with nothing recorded, so it stops before its first step; every other run of the test is live.
 */
@ApplicationScoped
@Alternative
@Priority(KitEngine.PRIORITY)
class RecordedRuns extends ReplayChecks {

    private final Map<RunId, RunStatus> recorded = new ConcurrentHashMap<>();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    void add(RunInfo run) {
        recorded.put(run.id(), run.status());
        keys.add(key(run));
    }

    /** Forgets a run whose import failed, so that it does not turn live runs of its key into replays. */
    void remove(RunInfo run) {
        recorded.remove(run.id());
        keys.remove(key(run));
    }

    @Override
    public RunStatus recordedStatus(RunInfo run) {
        RunStatus status = recorded.get(run.id());
        if (status != null) {
            return status;
        }
        return keys.contains(key(run)) ? RunStatus.PENDING : null;
    }

    private static String key(RunInfo run) {
        return run.workflowName() + '\u0000' + run.instanceId();
    }
}
