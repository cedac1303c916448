package io.durable.testing.listed;

import io.durable.api.DurableStep;
import jakarta.enterprise.context.ApplicationScoped;

/** A step bean that a test deploys by naming its package only. */
@ApplicationScoped
public class Doubler {

    /**
     * Doubles.
     *
     * @param n a number
     * @return twice it
     */
    @DurableStep
    public int twice(int n) {
        return 2 * n;
    }
}
