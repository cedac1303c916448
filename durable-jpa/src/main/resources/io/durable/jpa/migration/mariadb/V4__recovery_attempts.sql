-- Durable workflows schema, version 4: recovery attempts.
-- A run that cannot be recovered for reasons that are not the database's (its workflow is not
-- deployed, its input cannot be read, the engine fails replaying it) counts its attempts here; the
-- attempt that reaches durable.engine.max-recovery-attempts makes it BLOCKED. A retry resets it.

ALTER TABLE durable_run ADD COLUMN recovery_attempts INTEGER DEFAULT 0 NOT NULL;
