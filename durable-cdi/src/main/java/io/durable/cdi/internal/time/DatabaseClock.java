package io.durable.cdi.internal.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The engine's clock in production: this node's clock, moved by its measured offset to the
 * database's clock, so that times several nodes compare (lease expiries, due times) agree however far
 * apart the nodes' own clocks are. The offset is measured at start-up and again at every sweep, as the
 * database's time minus the middle of the round trip that read it.
 */
public final class DatabaseClock extends Clock {

    private final Clock local;
    private volatile Duration offset = Duration.ZERO;

    /**
     * @param local this node's clock
     */
    public DatabaseClock(Clock local) {
        this.local = local;
    }

    /**
     * Measures the offset to the database again.
     *
     * @param databaseTime reads the database's time
     * @return the offset now in use: the database's time minus this node's
     */
    public Duration align(Supplier<Instant> databaseTime) {
        Instant sent = local.instant();
        Instant database = databaseTime.get();
        Instant received = local.instant();
        Instant middle = sent.plus(Duration.between(sent, received).dividedBy(2));
        Duration measured = Duration.between(middle, database);
        offset = measured;
        return measured;
    }

    /** @return the offset in use: the database's time minus this node's */
    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return local.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the engine's clock is UTC");
    }
}
