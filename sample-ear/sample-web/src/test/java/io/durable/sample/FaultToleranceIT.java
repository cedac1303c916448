package io.durable.sample;

import io.durable.sample.ft.FaultToleranceResource;
import io.durable.sample.ft.FaultTolerantSteps;
import io.durable.sample.ft.FaultTolerantWorkflow;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MicroProfile Fault Tolerance with durable steps in Payara Micro: @Retry retries inside one
 * journaled step, @Fallback's value is the journaled result, an open @CircuitBreaker is a step
 * failure, a @Timeout is the step's journaled failure, and @CircuitBreaker and @Bulkhead compose
 * with a transactional step, whose write commits once. The combinations that would break a step's
 * guarantees (@Retry, @Fallback or @Timeout on a transactional step, @Asynchronous) fail the
 * deployment: DefinitionErrorTest shows that.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaultToleranceIT {

    @Deployment(testable = false)
    static WebArchive sample() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("sample.war")))
                .addClasses(FaultTolerantSteps.class, FaultTolerantWorkflow.class, FaultToleranceResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void fault_tolerance_composes_with_plain_and_transactional_steps() {
        Http api = new Http(base + "api");
        Http.Answer started = api.post("fault-tolerance/ft-1", "");
        assertEquals(200, started.status(), started.body());
        String runId = started.object().getString("runId");

        JsonObject run = api.awaitFinished(runId);

        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals("retried-ok|fallback-ft-1|java.lang.IllegalStateException"
                        + "|org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException"
                        + "|org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException|written",
                run.getString("output"), run.toString());
        List<JsonObject> steps = run.getJsonArray("steps").getValuesAs(JsonObject.class);
        assertEquals("retried#1", steps.get(0).getString("key"));
        assertEquals(1, steps.get(0).getInt("attempt"), "Fault Tolerance's retries are one journaled attempt");
        assertEquals("2", api.get("fault-tolerance/ft-1/retried").body(), "the body ran twice, once per FT attempt");
        assertEquals("fallback-ft-1", steps.get(1).getString("result"));
        assertEquals("1", api.get("fault-tolerance/ft-1/guarded").body(), "the open circuit ran no body");
        assertEquals("FAILED", steps.get(4).getString("status"));
        assertEquals(1, api.get("orders/ft-1/effects").object().getInt("stepExecutions"),
                "the transactional step's write committed once, with its journal row");
        assertEquals("1", api.get("fault-tolerance/ft-1/write").body());
    }
}
