package io.durable.bench;

import io.durable.api.DurableStep;
import jakarta.enterprise.context.ApplicationScoped;

/** A step that does nothing, so the figures are the engine's and the store's cost alone. */
@ApplicationScoped
public class NoopSteps {

    @DurableStep
    public int noop(int i) {
        return i;
    }
}
