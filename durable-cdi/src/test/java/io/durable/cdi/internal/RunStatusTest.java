package io.durable.cdi.internal;

import io.durable.api.IllegalTransitionException;
import io.durable.api.RunStatus;
import org.junit.jupiter.api.Test;

import static io.durable.api.RunStatus.CANCELLED;
import static io.durable.api.RunStatus.COMPLETED;
import static io.durable.api.RunStatus.FAILED;
import static io.durable.api.RunStatus.PENDING;
import static io.durable.api.RunStatus.RUNNING;
import static io.durable.api.RunStatus.SUSPENDED;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunStatusTest {

    @Test
    void the_legal_transitions_are_allowed() {
        assertTrue(PENDING.canTransitionTo(RUNNING));
        assertTrue(RUNNING.canTransitionTo(RUNNING), "a takeover after the lease expired");
        assertTrue(RUNNING.canTransitionTo(COMPLETED));
        assertTrue(RUNNING.canTransitionTo(FAILED));
        assertTrue(RUNNING.canTransitionTo(SUSPENDED));
        assertTrue(SUSPENDED.canTransitionTo(RUNNING));
        for (RunStatus status : RunStatus.values()) {
            if (!status.isTerminal()) {
                assertTrue(status.canTransitionTo(CANCELLED), status + " -> CANCELLED");
            }
        }
    }

    @Test
    void a_finished_run_never_moves_again() {
        for (RunStatus terminal : new RunStatus[]{COMPLETED, FAILED, CANCELLED}) {
            assertTrue(terminal.isTerminal());
            for (RunStatus next : RunStatus.values()) {
                assertFalse(terminal.canTransitionTo(next), terminal + " -> " + next);
            }
        }
    }

    @Test
    void a_pending_run_cannot_finish_without_running() {
        assertFalse(PENDING.canTransitionTo(COMPLETED));
        assertFalse(PENDING.canTransitionTo(FAILED));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> COMPLETED.checkTransition("run-1", RUNNING));
        assertTrue(e.getMessage().contains("run-1 cannot go from COMPLETED to RUNNING: it has finished"), e.getMessage());
    }
}
