-- Durable workflows schema, version 1, for PostgreSQL.
-- The schema as EclipseLink created it up to release 0.1 (commit 64ca44a): a database that it
-- created is recognised and baselined at this version; see docs/schema.md.

CREATE TABLE durable_run (
    id               VARCHAR(64) NOT NULL,
    workflow_name    VARCHAR(150) NOT NULL,
    workflow_version INTEGER NOT NULL,
    instance_id      VARCHAR(200) NOT NULL,
    instance_key     VARCHAR(200),
    status           VARCHAR(16) NOT NULL,
    input_json       TEXT,
    output_json      TEXT,
    error            TEXT,
    lease_owner      VARCHAR(100),
    lease_epoch      BIGINT NOT NULL,
    lease_expires_at BIGINT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    finished_at      BIGINT,
    wake_at          BIGINT,
    waiting_for      VARCHAR(200),
    awaited_signal   VARCHAR(150),
    paused           BOOLEAN NOT NULL,
    action_kind      VARCHAR(16),
    action_actor     VARCHAR(100),
    action_reason    VARCHAR(1000),
    action_at        BIGINT,
    parent_run_id    VARCHAR(64),
    parent_step_key  VARCHAR(400),
    continued_as     VARCHAR(64),
    PRIMARY KEY (id),
    CONSTRAINT durable_run_key_uk UNIQUE (workflow_name, instance_key)
);
CREATE INDEX durable_run_claim_ix ON durable_run (status, lease_expires_at);
CREATE INDEX durable_run_wake_ix ON durable_run (status, wake_at);
CREATE INDEX durable_run_created_ix ON durable_run (created_at);
CREATE INDEX durable_run_parent_ix ON durable_run (parent_run_id);

CREATE TABLE durable_step (
    run_id      VARCHAR(64) NOT NULL,
    seq         INTEGER NOT NULL,
    step_key    VARCHAR(400) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    attempt     INTEGER NOT NULL,
    args_hash   VARCHAR(64),
    result_json TEXT,
    error_type  VARCHAR(300),
    error       TEXT,
    started_at  BIGINT,
    finished_at BIGINT,
    PRIMARY KEY (seq, run_id),
    CONSTRAINT durable_step_key_uk UNIQUE (run_id, step_key)
);

CREATE TABLE durable_signal (
    id              VARCHAR(64) NOT NULL,
    run_id          VARCHAR(64) NOT NULL,
    name            VARCHAR(150) NOT NULL,
    payload_json    TEXT,
    idempotency_key VARCHAR(200),
    sent_at         BIGINT NOT NULL,
    consumed        BOOLEAN NOT NULL,
    consumed_at     BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT durable_signal_idem_uk UNIQUE (run_id, idempotency_key)
);
CREATE INDEX durable_signal_run_ix ON durable_signal (run_id, name);
CREATE INDEX durable_signal_pending_ix ON durable_signal (consumed, run_id);

CREATE TABLE durable_approval (
    id            VARCHAR(64) NOT NULL,
    run_id        VARCHAR(64) NOT NULL,
    workflow_name VARCHAR(150),
    approval_key  VARCHAR(100) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    requested_at  BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    actor         VARCHAR(100),
    reason        VARCHAR(1000),
    decided_at    BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT durable_approval_key_uk UNIQUE (run_id, approval_key)
);
CREATE INDEX durable_approval_pending_ix ON durable_approval (status, requested_at);

CREATE TABLE durable_track_run (
    id          VARCHAR(64) NOT NULL,
    run_type    VARCHAR(150) NOT NULL,
    run_trigger VARCHAR(100),
    owner_id    VARCHAR(200) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    input_json  TEXT,
    output_json TEXT,
    error       TEXT,
    created_at  BIGINT NOT NULL,
    started_at  BIGINT,
    finished_at BIGINT,
    PRIMARY KEY (id)
);
CREATE INDEX durable_track_run_owner_ix ON durable_track_run (owner_id, run_type, created_at);

CREATE TABLE durable_track_step (
    id              VARCHAR(450) NOT NULL,
    run_id          VARCHAR(64) NOT NULL,
    owner_id        VARCHAR(200) NOT NULL,
    parent_step_id  VARCHAR(450),
    step_type       VARCHAR(200) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    items_total     BIGINT NOT NULL,
    items_processed BIGINT NOT NULL,
    items_succeeded BIGINT NOT NULL,
    items_failed    BIGINT NOT NULL,
    input_json      TEXT,
    output_json     TEXT,
    error           TEXT,
    created_at      BIGINT NOT NULL,
    started_at      BIGINT,
    finished_at     BIGINT,
    durable         BOOLEAN NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX durable_track_step_run_ix ON durable_track_step (run_id, created_at);

CREATE TABLE durable_track_call (
    id          VARCHAR(64) NOT NULL,
    step_id     VARCHAR(450) NOT NULL,
    owner_id    VARCHAR(200) NOT NULL,
    tool        VARCHAR(100) NOT NULL,
    operation   VARCHAR(200) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    input_json  TEXT,
    output_json TEXT,
    error       TEXT,
    started_at  BIGINT NOT NULL,
    finished_at BIGINT,
    PRIMARY KEY (id)
);
CREATE INDEX durable_track_call_step_ix ON durable_track_call (step_id, started_at);

CREATE TABLE durable_track_link (
    id          VARCHAR(64) NOT NULL,
    step_id     VARCHAR(450) NOT NULL,
    seq         BIGINT NOT NULL,
    link_type   VARCHAR(50) NOT NULL,
    entity_type VARCHAR(100) NOT NULL,
    entity_id   VARCHAR(200) NOT NULL,
    external_id VARCHAR(200),
    PRIMARY KEY (id)
);
CREATE INDEX durable_track_link_step_ix ON durable_track_link (step_id, seq);

CREATE TABLE durable_track_counter (
    id            VARCHAR(170) NOT NULL,
    run_id        VARCHAR(64) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    counter_value BIGINT NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX durable_track_counter_run_ix ON durable_track_counter (run_id);

CREATE TABLE durable_lock (
    resource    VARCHAR(420) NOT NULL,
    holder      VARCHAR(200) NOT NULL,
    acquired_at BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    PRIMARY KEY (resource)
);
