-- Durable workflows schema, version 3: write order.
-- Runs, signals, approvals and calls were ordered by a millisecond timestamp, with ties broken by a
-- random id: twenty signals sent within one millisecond were consumed shuffled. Each table takes a
-- column seq from a database sequence, assigned when the row is inserted, so rows are ordered as
-- they were written. Existing rows are numbered 1..N in their old order (timestamp, id); the
-- sequences start at 1000000000000, above any existing count, so new rows follow them.

-- durable_run
CREATE SEQUENCE durable_run_seq START WITH 1000000000000;
ALTER TABLE durable_run ADD COLUMN seq BIGINT DEFAULT NEXT VALUE FOR durable_run_seq NOT NULL;
UPDATE durable_run t SET seq = (SELECT o.n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) AS n
    FROM durable_run) o WHERE o.id = t.id);
CREATE UNIQUE INDEX durable_run_seq_uk ON durable_run (seq);

-- durable_signal
CREATE SEQUENCE durable_signal_seq START WITH 1000000000000;
ALTER TABLE durable_signal ADD COLUMN seq BIGINT DEFAULT NEXT VALUE FOR durable_signal_seq NOT NULL;
UPDATE durable_signal t SET seq = (SELECT o.n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY sent_at, id) AS n
    FROM durable_signal) o WHERE o.id = t.id);
CREATE UNIQUE INDEX durable_signal_seq_uk ON durable_signal (seq);

-- durable_approval
CREATE SEQUENCE durable_approval_seq START WITH 1000000000000;
ALTER TABLE durable_approval ADD COLUMN seq BIGINT DEFAULT NEXT VALUE FOR durable_approval_seq NOT NULL;
UPDATE durable_approval t SET seq = (SELECT o.n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY requested_at, id) AS n
    FROM durable_approval) o WHERE o.id = t.id);
CREATE UNIQUE INDEX durable_approval_seq_uk ON durable_approval (seq);

-- durable_call
CREATE SEQUENCE durable_call_seq START WITH 1000000000000;
ALTER TABLE durable_call ADD COLUMN seq BIGINT DEFAULT NEXT VALUE FOR durable_call_seq NOT NULL;
UPDATE durable_call t SET seq = (SELECT o.n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY started_at, id) AS n
    FROM durable_call) o WHERE o.id = t.id);
CREATE UNIQUE INDEX durable_call_seq_uk ON durable_call (seq);
