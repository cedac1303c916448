package io.durable.sample;

import io.durable.sample.values.ShapeSteps;
import io.durable.sample.values.Shapes;
import io.durable.sample.values.ShapesResource;
import io.durable.sample.values.ShapesWorkflow;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Values survive the journal in the container: with Payara's own JSON-B and JPA, the shapes users
 * return from steps (Optional empty and present, OptionalInt, big longs, times with nanoseconds and
 * offsets, BigDecimal with its scale, enums, nested generic collections, arrays, byte[], any Unicode,
 * null) read back equal when the run resumes from its journal after a durable sleep.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ValueRoundTripIT {

    @Deployment(testable = false)
    static WebArchive sample() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("sample.war")))
                .addClasses(Shapes.class, Shapes.Colour.class, Shapes.Item.class, ShapeSteps.class,
                        ShapesWorkflow.class, ShapesResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void every_shape_a_step_returns_replays_equal_after_a_durable_sleep() {
        Http api = new Http(base + "api");
        Http.Answer started = api.post("value-round-trip/values-1", "");
        assertEquals(200, started.status(), started.body());
        String runId = started.object().getString("runId");

        JsonObject run = api.awaitFinished(runId);

        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals("replayed equal / equal", run.getString("output"), run.toString());
    }
}
