package io.durable.spi;

import io.durable.api.RunStatus;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a store counts of its unfinished runs, for health checks and gauges: every count is bounded, so
 * reading them costs the same on a table of a thousand runs as on one of a hundred million. A count
 * equal to {@code cap} means "at least that many".
 *
 * @param byStatus      runs per unfinished status ({@link RunStatus#PENDING}, {@link RunStatus#RUNNING},
 *                      {@link RunStatus#SUSPENDED}, {@link RunStatus#COMPENSATING}, {@link RunStatus#BLOCKED}),
 *                      each counted up to {@code cap}; a status without runs maps to 0
 * @param cap           the most a count reaches, at least 1
 * @param expiredLeases RUNNING or COMPENSATING runs whose lease expired before the stuck bound: no node took
 *                      them over for that long
 * @param overdue       PENDING or SUSPENDED runs, not paused, that were due before the stuck bound and are still
 *                      not claimed (a parked run woken by a signal is not counted)
 * @param recovering    unfinished runs that failed at least one recovery attempt (poison runs on their way to
 *                      BLOCKED)
 * @param oldestDue     the earliest due time of a run that is due and not claimed (a pending run's creation, a
 *                      parked run's wake time, an expired lease's expiry), or {@code null} when none is
 */
public record RunVitals(Map<RunStatus, Long> byStatus, int cap, long expiredLeases, long overdue, long recovering,
                        Instant oldestDue) {

    /**
     * Validates the fields and fills in the statuses without runs.
     *
     * @throws IllegalArgumentException when the cap is below 1, a count is negative or a status is finished
     */
    public RunVitals {
        Objects.requireNonNull(byStatus, "byStatus");
        if (cap < 1 || expiredLeases < 0 || overdue < 0 || recovering < 0) {
            throw new IllegalArgumentException("Run vitals need a cap of at least 1 and counts of at least 0");
        }
        Map<RunStatus, Long> all = new EnumMap<>(RunStatus.class);
        for (RunStatus status : RunStatus.values()) {
            if (!status.isTerminal()) {
                all.put(status, 0L);
            }
        }
        byStatus.forEach((status, count) -> {
            if (status.isTerminal() || count == null || count < 0) {
                throw new IllegalArgumentException("Run vitals count unfinished statuses only, at least 0: " + status
                        + "=" + count);
            }
            all.put(status, count);
        });
        byStatus = Collections.unmodifiableMap(all);
    }

    /**
     * @param status an unfinished status
     * @return how many runs have it, up to the cap
     */
    public long count(RunStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
