package io.durable.cdi.internal;

import io.durable.api.RunId;
import io.durable.api.Workflow;
import io.durable.api.WorkflowEngine;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

/** Workflows that call the engine from workflow code, where the system acts. */
public final class AccessWorkflows {

    private AccessWorkflows() {
    }

    /** Reads another run's status and pauses it, whoever's it is: workflow code is the system. */
    @Workflow(name = "peek")
    public static class PeekWorkflow {

        @Inject
        WorkflowEngine engine;

        @WorkflowMethod
        public String run(String otherRunId) {
            RunId other = new RunId(otherRunId);
            String seen = engine.status(other).status().name();
            return seen + " " + engine.pause(other, "peek-workflow", "paused from workflow code").lastAction().actor();
        }
    }
}
