package io.durable.bench.compare;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.Workflow;

/** {@link DbosNoop} as DBOS's documentation writes a workflow: each step a {@code runStep} lambda. */
public class DbosNoopImpl implements DbosNoop {

    private final DBOS dbos;

    DbosNoopImpl(DBOS dbos) {
        this.dbos = dbos;
    }

    @Override
    @Workflow(name = "noop")
    public int run(int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            int step = i;
            sum += dbos.runStep(() -> step, "noop");
        }
        return sum;
    }
}
