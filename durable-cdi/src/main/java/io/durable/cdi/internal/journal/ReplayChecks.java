package io.durable.cdi.internal.journal;

import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.spi.Park;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which executions are replay checks of a recorded run (the test kit's, durable-testing), in which the
 * code runs against the recorded journal and no step body runs. In an application none is: this bean
 * answers {@code null} for every run; the test kit replaces it with an alternative.
 */
@ApplicationScoped
public class ReplayChecks {

    /**
     * Where the replay check of an unfinished recorded run stops: the recording ends there. The
     * awaited signal is an engine name no application signal can have, so nothing wakes the run.
     */
    public static final Park END_OF_RECORDING = new Park(null, "replay: the end of the recorded journal", "@replay-end");

    /**
     * How the recorded run this execution replays ended or stood, or {@code null} for a live run.
     *
     * @param run the run about to execute
     * @return the recorded status, or {@code null}
     */
    public RunStatus recordedStatus(RunInfo run) {
        return null;
    }

    /**
     * Whether a recorded run's journal is whole: it COMPLETED, FAILED or CONTINUED, so code that goes on
     * past its journal, or ends before reaching all of it, is not the code that ran. Any other run's
     * journal is a prefix of what the run would do (a cancelled run's too).
     *
     * @param recorded the recorded status
     * @return whether the journal is whole
     */
    public static boolean finished(RunStatus recorded) {
        return recorded == RunStatus.COMPLETED || recorded == RunStatus.FAILED || recorded == RunStatus.CONTINUED;
    }
}
