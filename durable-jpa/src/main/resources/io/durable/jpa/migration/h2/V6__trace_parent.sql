-- Durable workflows schema, version 6: the trace a run was started in.
-- The W3C traceparent of the caller's span when the run was started inside a traced request (MicroProfile
-- Telemetry / OpenTelemetry), or NULL. The run's first execution is a child of that span; an execution
-- resumed later (after a sleep, a signal wait, a crash) starts a trace of its own with a link to it.
-- (Version 5 belongs to another change.)

ALTER TABLE durable_run ADD COLUMN trace_parent VARCHAR(128);
