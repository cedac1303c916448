-- The engine's tables exactly as EclipseLink 4 created them for release 0.1 (commit 64ca44a),
-- dumped from a database it created (pg_dump -s). The schema upgrade test starts from this.

CREATE TABLE durable_approval (
    id character varying(64) NOT NULL,
    actor character varying(100),
    decided_at bigint,
    expires_at bigint NOT NULL,
    approval_key character varying(100) NOT NULL,
    reason character varying(1000),
    requested_at bigint NOT NULL,
    run_id character varying(64) NOT NULL,
    status character varying(16) NOT NULL,
    workflow_name character varying(150)
);
CREATE TABLE durable_lock (
    resource character varying(420) NOT NULL,
    acquired_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    holder character varying(200) NOT NULL
);
CREATE TABLE durable_run (
    id character varying(64) NOT NULL,
    action_actor character varying(100),
    action_at bigint,
    action_kind character varying(16),
    action_reason character varying(1000),
    awaited_signal character varying(150),
    continued_as character varying(64),
    created_at bigint NOT NULL,
    error text,
    finished_at bigint,
    input_json text,
    instance_id character varying(200) NOT NULL,
    instance_key character varying(200),
    lease_epoch bigint NOT NULL,
    lease_expires_at bigint,
    lease_owner character varying(100),
    output_json text,
    parent_run_id character varying(64),
    parent_step_key character varying(400),
    paused boolean NOT NULL,
    status character varying(16) NOT NULL,
    updated_at bigint NOT NULL,
    waiting_for character varying(200),
    wake_at bigint,
    workflow_name character varying(150) NOT NULL,
    workflow_version integer NOT NULL
);
CREATE TABLE durable_signal (
    id character varying(64) NOT NULL,
    consumed boolean NOT NULL,
    consumed_at bigint,
    idempotency_key character varying(200),
    name character varying(150) NOT NULL,
    payload_json text,
    run_id character varying(64) NOT NULL,
    sent_at bigint NOT NULL
);
CREATE TABLE durable_step (
    seq integer NOT NULL,
    run_id character varying(64) NOT NULL,
    args_hash character varying(64),
    attempt integer NOT NULL,
    error text,
    error_type character varying(300),
    finished_at bigint,
    name character varying(200) NOT NULL,
    result_json text,
    started_at bigint,
    status character varying(16) NOT NULL,
    step_key character varying(400) NOT NULL
);
CREATE TABLE durable_track_call (
    id character varying(64) NOT NULL,
    error text,
    finished_at bigint,
    input_json text,
    operation character varying(200) NOT NULL,
    output_json text,
    owner_id character varying(200) NOT NULL,
    started_at bigint NOT NULL,
    status character varying(16) NOT NULL,
    step_id character varying(450) NOT NULL,
    tool character varying(100) NOT NULL
);
CREATE TABLE durable_track_counter (
    id character varying(170) NOT NULL,
    name character varying(100) NOT NULL,
    run_id character varying(64) NOT NULL,
    counter_value bigint NOT NULL
);
CREATE TABLE durable_track_link (
    id character varying(64) NOT NULL,
    entity_id character varying(200) NOT NULL,
    entity_type character varying(100) NOT NULL,
    external_id character varying(200),
    link_type character varying(50) NOT NULL,
    seq bigint NOT NULL,
    step_id character varying(450) NOT NULL
);
CREATE TABLE durable_track_run (
    id character varying(64) NOT NULL,
    created_at bigint NOT NULL,
    error text,
    finished_at bigint,
    input_json text,
    output_json text,
    owner_id character varying(200) NOT NULL,
    run_type character varying(150) NOT NULL,
    started_at bigint,
    status character varying(16) NOT NULL,
    run_trigger character varying(100)
);
CREATE TABLE durable_track_step (
    id character varying(450) NOT NULL,
    created_at bigint NOT NULL,
    durable boolean NOT NULL,
    error text,
    finished_at bigint,
    input_json text,
    items_failed bigint NOT NULL,
    items_processed bigint NOT NULL,
    items_succeeded bigint NOT NULL,
    items_total bigint NOT NULL,
    output_json text,
    owner_id character varying(200) NOT NULL,
    parent_step_id character varying(450),
    run_id character varying(64) NOT NULL,
    started_at bigint,
    status character varying(16) NOT NULL,
    step_type character varying(200) NOT NULL
);
ALTER TABLE ONLY durable_approval
    ADD CONSTRAINT durable_approval_key_uk UNIQUE (run_id, approval_key);
ALTER TABLE ONLY durable_approval
    ADD CONSTRAINT durable_approval_pkey PRIMARY KEY (id);
ALTER TABLE ONLY durable_lock
    ADD CONSTRAINT durable_lock_pkey PRIMARY KEY (resource);
ALTER TABLE ONLY durable_run
    ADD CONSTRAINT durable_run_key_uk UNIQUE (workflow_name, instance_key);
ALTER TABLE ONLY durable_run
    ADD CONSTRAINT durable_run_pkey PRIMARY KEY (id);
ALTER TABLE ONLY durable_signal
    ADD CONSTRAINT durable_signal_idem_uk UNIQUE (run_id, idempotency_key);
ALTER TABLE ONLY durable_signal
    ADD CONSTRAINT durable_signal_pkey PRIMARY KEY (id);
ALTER TABLE ONLY durable_step
    ADD CONSTRAINT durable_step_key_uk UNIQUE (run_id, step_key);
ALTER TABLE ONLY durable_step
    ADD CONSTRAINT durable_step_pkey PRIMARY KEY (seq, run_id);
ALTER TABLE ONLY durable_track_call
    ADD CONSTRAINT durable_track_call_pkey PRIMARY KEY (id);
ALTER TABLE ONLY durable_track_counter
    ADD CONSTRAINT durable_track_counter_pkey PRIMARY KEY (id);
ALTER TABLE ONLY durable_track_link
    ADD CONSTRAINT durable_track_link_pkey PRIMARY KEY (id);
ALTER TABLE ONLY durable_track_run
    ADD CONSTRAINT durable_track_run_pkey PRIMARY KEY (id);
ALTER TABLE ONLY durable_track_step
    ADD CONSTRAINT durable_track_step_pkey PRIMARY KEY (id);
CREATE INDEX durable_approval_pending_ix ON durable_approval USING btree (status, requested_at);
CREATE INDEX durable_run_claim_ix ON durable_run USING btree (status, lease_expires_at);
CREATE INDEX durable_run_created_ix ON durable_run USING btree (created_at);
CREATE INDEX durable_run_parent_ix ON durable_run USING btree (parent_run_id);
CREATE INDEX durable_run_wake_ix ON durable_run USING btree (status, wake_at);
CREATE INDEX durable_signal_pending_ix ON durable_signal USING btree (consumed, run_id);
CREATE INDEX durable_signal_run_ix ON durable_signal USING btree (run_id, name);
CREATE INDEX durable_track_call_step_ix ON durable_track_call USING btree (step_id, started_at);
CREATE INDEX durable_track_counter_run_ix ON durable_track_counter USING btree (run_id);
CREATE INDEX durable_track_link_step_ix ON durable_track_link USING btree (step_id, seq);
CREATE INDEX durable_track_run_owner_ix ON durable_track_run USING btree (owner_id, run_type, created_at);
CREATE INDEX durable_track_step_run_ix ON durable_track_step USING btree (run_id, created_at);
