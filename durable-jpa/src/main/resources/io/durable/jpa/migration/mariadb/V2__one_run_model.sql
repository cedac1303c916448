-- Durable workflows schema, version 2: one run model.
-- A run is one row of durable_run, a workflow run or a tracked job (kind), with its owner (tenant);
-- a step is one row of durable_step, a journal entry (seq >= 0) or a tracked step (seq < 0), with the
-- tracking fields; calls, links and counters refer to those rows. The copies in durable_track_* are
-- carried over and dropped. See docs/schema.md and docs/decisions.md ("One run model").

-- 1. the run row takes the owner, the trigger and the start time; jobs become run rows
ALTER TABLE durable_run ADD COLUMN kind VARCHAR(16) DEFAULT 'WORKFLOW' NOT NULL;
ALTER TABLE durable_run ADD COLUMN owner_id VARCHAR(200) DEFAULT '' NOT NULL;
ALTER TABLE durable_run ADD COLUMN run_trigger VARCHAR(100);
ALTER TABLE durable_run ADD COLUMN started_at BIGINT;

-- the run row is the truth for status and outcome; its copy gives only what the row lacked
UPDATE durable_run SET
    owner_id = COALESCE((SELECT t.owner_id FROM durable_track_run t WHERE t.id = durable_run.id), ''),
    run_trigger = COALESCE((SELECT t.run_trigger FROM durable_track_run t WHERE t.id = durable_run.id),
                           CASE WHEN parent_run_id IS NULL THEN 'workflow' ELSE 'child' END),
    started_at = (SELECT t.started_at FROM durable_track_run t WHERE t.id = durable_run.id);

-- a tracked job without a workflow run: a JOB row, with no instance key so it never takes a workflow's
INSERT INTO durable_run (id, kind, workflow_name, workflow_version, instance_id, instance_key, status, input_json,
                         output_json, error, lease_epoch, created_at, updated_at, started_at, finished_at, paused,
                         owner_id, run_trigger)
SELECT t.id, 'JOB', t.run_type, 0, t.id, NULL, t.status, t.input_json, t.output_json, t.error, 0, t.created_at,
       COALESCE(t.finished_at, t.started_at, t.created_at), t.started_at, t.finished_at, FALSE, t.owner_id,
       t.run_trigger
FROM durable_track_run t
WHERE NOT EXISTS (SELECT 1 FROM durable_run r WHERE r.id = t.id);

DROP INDEX durable_run_claim_ix ON durable_run;
DROP INDEX durable_run_wake_ix ON durable_run;
CREATE INDEX durable_run_claim_ix ON durable_run (kind, status, lease_expires_at);
CREATE INDEX durable_run_wake_ix ON durable_run (kind, status, wake_at);
CREATE INDEX durable_run_owner_ix ON durable_run (owner_id, workflow_name, created_at);

-- 2. the step row takes the tracking fields; tracked steps become step rows at negative sequences
ALTER TABLE durable_step ADD COLUMN created_at BIGINT;
ALTER TABLE durable_step ADD COLUMN parent_step_key VARCHAR(400);
ALTER TABLE durable_step ADD COLUMN input_json LONGTEXT;
ALTER TABLE durable_step ADD COLUMN items_total BIGINT DEFAULT -1 NOT NULL;
ALTER TABLE durable_step ADD COLUMN items_processed BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE durable_step ADD COLUMN items_succeeded BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE durable_step ADD COLUMN items_failed BIGINT DEFAULT 0 NOT NULL;

-- a journaled step's tracking copy had the id RUN_ID:STEP_KEY
UPDATE durable_step SET
    items_total = (SELECT t.items_total FROM durable_track_step t WHERE t.id = CONCAT(durable_step.run_id, ':', durable_step.step_key)),
    items_processed = (SELECT t.items_processed FROM durable_track_step t WHERE t.id = CONCAT(durable_step.run_id, ':', durable_step.step_key)),
    items_succeeded = (SELECT t.items_succeeded FROM durable_track_step t WHERE t.id = CONCAT(durable_step.run_id, ':', durable_step.step_key)),
    items_failed = (SELECT t.items_failed FROM durable_track_step t WHERE t.id = CONCAT(durable_step.run_id, ':', durable_step.step_key)),
    input_json = (SELECT t.input_json FROM durable_track_step t WHERE t.id = CONCAT(durable_step.run_id, ':', durable_step.step_key)),
    created_at = (SELECT COALESCE(t.started_at, t.created_at) FROM durable_track_step t WHERE t.id = CONCAT(durable_step.run_id, ':', durable_step.step_key))
WHERE EXISTS (SELECT 1 FROM durable_track_step t WHERE t.durable = TRUE
              AND t.id = CONCAT(durable_step.run_id, ':', durable_step.step_key));

-- a tracked step that is no journal entry: key @track/ID, sequences -1, -2, ... in the order created
INSERT INTO durable_step (run_id, seq, step_key, name, status, attempt, result_json, error, started_at, finished_at,
                          created_at, parent_step_key, input_json, items_total, items_processed, items_succeeded,
                          items_failed)
SELECT t.run_id, -ROW_NUMBER() OVER (PARTITION BY t.run_id ORDER BY t.created_at, t.id), CONCAT('@track/', t.id),
       t.step_type, t.status, 1, t.output_json, t.error, t.started_at, t.finished_at, t.created_at,
       CASE WHEN t.parent_step_id IS NULL THEN NULL
            WHEN t.parent_step_id LIKE '%:%' THEN SUBSTRING(t.parent_step_id, POSITION(':' IN t.parent_step_id) + 1)
            ELSE CONCAT('@track/', t.parent_step_id) END,
       t.input_json, t.items_total, t.items_processed, t.items_succeeded, t.items_failed
FROM durable_track_step t
WHERE t.durable = FALSE AND EXISTS (SELECT 1 FROM durable_run r WHERE r.id = t.run_id);

-- 3. calls, links and counters refer to the run and step rows
CREATE TABLE durable_call (
    id          VARCHAR(64) NOT NULL,
    run_id      VARCHAR(64) NOT NULL,
    step_key    VARCHAR(400) NOT NULL,
    tool        VARCHAR(100) NOT NULL,
    operation   VARCHAR(200) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    input_json  LONGTEXT,
    output_json LONGTEXT,
    error       LONGTEXT,
    started_at  BIGINT NOT NULL,
    finished_at BIGINT,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX durable_call_step_ix ON durable_call (run_id, step_key, started_at);

CREATE TABLE durable_step_link (
    id          VARCHAR(64) NOT NULL,
    run_id      VARCHAR(64) NOT NULL,
    step_key    VARCHAR(400) NOT NULL,
    seq         BIGINT NOT NULL,
    link_type   VARCHAR(50) NOT NULL,
    entity_type VARCHAR(100) NOT NULL,
    entity_id   VARCHAR(200) NOT NULL,
    external_id VARCHAR(200),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX durable_step_link_step_ix ON durable_step_link (run_id, step_key, seq);

CREATE TABLE durable_counter (
    run_id        VARCHAR(64) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    counter_value BIGINT NOT NULL,
    PRIMARY KEY (run_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- calls and links of journaled steps (step id RUN_ID:STEP_KEY) and of tracked steps (step id ID)
INSERT INTO durable_call (id, run_id, step_key, tool, operation, status, input_json, output_json, error, started_at,
                          finished_at)
SELECT c.id, s.run_id, s.step_key, c.tool, c.operation, c.status, c.input_json, c.output_json, c.error,
       c.started_at, c.finished_at
FROM durable_track_call c
JOIN durable_step s ON s.run_id = SUBSTRING(c.step_id, 1, POSITION(':' IN c.step_id) - 1)
                   AND s.step_key = SUBSTRING(c.step_id, POSITION(':' IN c.step_id) + 1)
WHERE c.step_id LIKE '%:%';
INSERT INTO durable_call (id, run_id, step_key, tool, operation, status, input_json, output_json, error, started_at,
                          finished_at)
SELECT c.id, t.run_id, CONCAT('@track/', t.id), c.tool, c.operation, c.status, c.input_json, c.output_json,
       c.error, c.started_at, c.finished_at
FROM durable_track_call c
JOIN durable_track_step t ON t.id = c.step_id AND t.durable = FALSE
WHERE EXISTS (SELECT 1 FROM durable_run r WHERE r.id = t.run_id);

INSERT INTO durable_step_link (id, run_id, step_key, seq, link_type, entity_type, entity_id, external_id)
SELECT l.id, s.run_id, s.step_key, l.seq, l.link_type, l.entity_type, l.entity_id, l.external_id
FROM durable_track_link l
JOIN durable_step s ON s.run_id = SUBSTRING(l.step_id, 1, POSITION(':' IN l.step_id) - 1)
                   AND s.step_key = SUBSTRING(l.step_id, POSITION(':' IN l.step_id) + 1)
WHERE l.step_id LIKE '%:%';
INSERT INTO durable_step_link (id, run_id, step_key, seq, link_type, entity_type, entity_id, external_id)
SELECT l.id, t.run_id, CONCAT('@track/', t.id), l.seq, l.link_type, l.entity_type, l.entity_id, l.external_id
FROM durable_track_link l
JOIN durable_track_step t ON t.id = l.step_id AND t.durable = FALSE
WHERE EXISTS (SELECT 1 FROM durable_run r WHERE r.id = t.run_id);

INSERT INTO durable_counter (run_id, name, counter_value)
SELECT c.run_id, c.name, c.counter_value
FROM durable_track_counter c
WHERE EXISTS (SELECT 1 FROM durable_run r WHERE r.id = c.run_id);

-- 4. the copies go
DROP TABLE durable_track_link;
DROP TABLE durable_track_call;
DROP TABLE durable_track_counter;
DROP TABLE durable_track_step;
DROP TABLE durable_track_run;
