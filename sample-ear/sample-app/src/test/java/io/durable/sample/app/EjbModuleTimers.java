package io.durable.sample.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a server's log must show of the EAR's EJB module of persistent timers ({@code durable-ejb-timers}). */
final class EjbModuleTimers {

    private EjbModuleTimers() {
    }

    /**
     * Asserts that the engine in the EAR's {@code lib/} used the EJB module's persistent timers,
     * re-armed them at start-up, and had no timer refused.
     *
     * @param serverLog the server's log of every start of the test
     */
    static void assertUsed(Path serverLog) throws IOException {
        assertUsed(Files.readString(serverLog), serverLog.toString());
    }

    /**
     * As {@link #assertUsed(Path)}, on what the server logged.
     *
     * @param log   the log of every start of the test
     * @param where where to read it, for the message
     */
    static void assertUsed(String log, String where) {
        assertTrue(log.contains("persistent wake-up timers"), "the engine in lib/ does not use the EJB module's timers");
        assertTrue(log.contains("Re-armed "), "the timers were not re-armed at start-up");
        assertFalse(log.contains("Could not re-arm") || log.contains("Could not arm a persistent timer"),
                "a timer was refused: see " + where);
    }
}
