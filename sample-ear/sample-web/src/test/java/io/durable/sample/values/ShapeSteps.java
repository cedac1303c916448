package io.durable.sample.values;

import io.durable.api.DurableStep;
import jakarta.enterprise.context.ApplicationScoped;

/** A step that returns every shape: its result is journaled once and replayed after the sleep. */
@ApplicationScoped
public class ShapeSteps {

    @DurableStep
    public Shapes shapes() {
        return Shapes.sample();
    }

    @DurableStep(transactional = true)
    public Shapes shapesInTransaction() {
        return Shapes.sample();
    }
}
