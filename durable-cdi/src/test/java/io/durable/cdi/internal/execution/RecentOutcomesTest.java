package io.durable.cdi.internal.execution;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class RecentOutcomesTest {

    private final AtomicLong now = new AtomicLong();

    private static RunInfo run(RunStatus status, String output) {
        return new RunInfo(RunId.random(), "order", 1, "o-1", status, "\"in\"", output, null, Instant.EPOCH,
                Instant.EPOCH, status.isTerminal() ? Instant.EPOCH : null);
    }

    @Test
    void keeps_only_ends_that_never_change() {
        RecentOutcomes recent = new RecentOutcomes(10, 1_000, 1_000, now::get);
        RunInfo completed = run(RunStatus.COMPLETED, "1");
        RunInfo failed = run(RunStatus.FAILED, null);
        RunInfo blocked = run(RunStatus.BLOCKED, null);
        RunInfo suspended = run(RunStatus.SUSPENDED, null);
        for (RunInfo r : new RunInfo[]{completed, failed, blocked, suspended}) {
            recent.ended(r);
        }
        recent.ended(null);

        assertSame(completed, recent.get(completed.id()));
        assertSame(failed, recent.get(failed.id()));
        assertNull(recent.get(blocked.id()), "a blocked run may be retried: read from the store");
        assertNull(recent.get(suspended.id()));
        assertEquals(2, recent.size());
    }

    @Test
    void drops_the_oldest_beyond_the_count_the_characters_and_the_age() {
        RecentOutcomes recent = new RecentOutcomes(2, 21, 1_000, now::get);
        RunInfo a = run(RunStatus.COMPLETED, "1");
        RunInfo b = run(RunStatus.COMPLETED, "2");
        RunInfo c = run(RunStatus.COMPLETED, "3");
        recent.ended(a);
        recent.ended(b);
        recent.ended(c);
        assertNull(recent.get(a.id()), "three runs, room for two");
        assertSame(b, recent.get(b.id()));

        RunInfo big = run(RunStatus.COMPLETED, "\"" + "x".repeat(10) + "\"");
        recent.ended(big); // 4 + 12 characters: with c (5) that is the 21 of room, so b (5) goes
        assertNull(recent.get(b.id()));
        assertSame(c, recent.get(c.id()));
        assertSame(big, recent.get(big.id()));

        RunInfo huge = run(RunStatus.COMPLETED, "\"" + "x".repeat(30) + "\"");
        recent.ended(huge);
        assertNull(recent.get(huge.id()), "larger than all the room: not kept");
        assertSame(big, recent.get(big.id()), "and nothing dropped for it");

        now.addAndGet(999);
        assertSame(big, recent.get(big.id()));
        now.addAndGet(1);
        assertNull(recent.get(big.id()), "kept for the keeping time only");
        assertEquals(0, recent.size());
    }
}
