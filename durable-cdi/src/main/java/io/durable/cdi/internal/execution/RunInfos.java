package io.durable.cdi.internal.execution;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;

import java.time.Instant;

/** Snapshots of a run after the engine changed it, without reading it back. */
final class RunInfos {

    private RunInfos() {
    }

    /** The run as it is once finished with this status. */
    static RunInfo finished(RunInfo run, RunStatus status, String outputJson, String error, Instant at,
                            RunId continuedAs) {
        return new RunInfo(run.id(), run.workflowName(), run.workflowVersion(), run.instanceId(), status,
                run.inputJson(), outputJson, error, run.createdAt(), at, at, null, null, run.paused(), run.lastAction(),
                run.parentRunId(), run.parentStepKey(), continuedAs, run.owner(), run.job());
    }
}
