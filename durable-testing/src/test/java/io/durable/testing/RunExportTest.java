package io.durable.testing;

import io.durable.api.PayloadException;
import io.durable.api.RunExport;
import io.durable.api.RunId;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.testing.KitWorkflows.GreetWorkflow;
import io.durable.testing.KitWorkflows.Greetings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WorkflowTest(beans = {Greetings.class, GreetWorkflow.class}, clockStart = "2026-02-02T12:00:00Z")
class RunExportTest {

    @Inject
    WorkflowEngine engine;

    @Test
    void an_export_reads_back_equal_from_its_json(WorkflowTestKit kit) {
        RunId run = engine.start(GreetWorkflow.class, "ann", "Ann");
        kit.advance(Duration.ofDays(7));
        kit.awaitResult(run, String.class);

        RunExport export = engine.export(run);
        String json = export.toJson();

        assertEquals(export, RunExport.fromJson(json));
        assertEquals(RunExport.FORMAT_VERSION, export.formatVersion());
        assertEquals(Instant.parse("2026-02-09T12:00:00Z"), export.exportedAt());
        assertEquals(RunStatus.COMPLETED, export.run().status());
        assertEquals(3, export.journal().size());
        assertTrue(json.contains("\"format\": \"durable-run-export\""), json);
        assertTrue(json.contains("\"output\": \"hello Ann, bye Ann\""), json);
    }

    @Test
    void an_unfinished_run_exports_its_journal_so_far(WorkflowTestKit kit) {
        RunId run = engine.start(GreetWorkflow.class, "bo", "Bo");
        kit.awaitQuiet();

        RunExport export = RunExport.fromJson(engine.export(run).toJson());

        assertEquals(RunStatus.SUSPENDED, export.run().status());
        assertEquals("sleep", export.run().waitingFor());
        assertEquals(2, export.journal().size());
    }

    @Test
    void another_format_version_is_refused_with_what_to_do_before_its_fields_are_read() {
        PayloadException e = assertThrows(PayloadException.class, () -> RunExport.fromJson(
                "{\"format\":\"durable-run-export\",\"formatVersion\":2,\"runs\":[]}"));
        assertEquals("A run export of format version 2 cannot be read by this version of the library, which reads "
                + "version 1; export the run again with the engine that reads it", e.getMessage());
    }

    @Test
    void a_document_that_is_not_a_run_export_is_refused() {
        assertEquals("Not a run export: its \"format\" is 'other', not 'durable-run-export'",
                assertThrows(PayloadException.class, () -> RunExport.fromJson("{\"format\":\"other\"}")).getMessage());
        assertTrue(assertThrows(PayloadException.class, () -> RunExport.fromJson("[1]")).getMessage()
                .startsWith("A run export must be a JSON object"));
    }

    @Test
    void a_missing_field_is_named_with_where_it_is_missing() {
        PayloadException e = assertThrows(PayloadException.class, () -> RunExport.fromJson(
                "{\"format\":\"durable-run-export\",\"formatVersion\":1,\"exportedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"run\":{\"id\":\"r\",\"workflow\":\"w\",\"workflowVersion\":1,\"instanceId\":\"i\","
                        + "\"status\":\"COMPLETED\",\"createdAt\":\"2026-01-01T00:00:00Z\"},"
                        + "\"journal\":[{\"sequence\":0,\"name\":\"a\",\"status\":\"COMPLETED\",\"attempt\":1}]}"));
        assertEquals("A run export's journal entry 0 needs \"stepKey\"", e.getMessage());
    }
}
