package io.durable.jpa.engine;

import io.durable.api.DurableStep;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** The steps of the upgrade workflows; each counts its executions, so a test sees what ran again. */
@ApplicationScoped
public class UpgradeSteps {

    public static final AtomicInteger FIRST = new AtomicInteger();
    public static final AtomicInteger SECOND = new AtomicInteger();

    @DurableStep
    public String first(String input) {
        FIRST.incrementAndGet();
        return "first(" + input + ")";
    }

    @DurableStep
    public String second(String input) {
        SECOND.incrementAndGet();
        return "second(" + input + ")";
    }
}
