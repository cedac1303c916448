-- The engine's tables exactly as EclipseLink 4 created them for release 0.1 (commit 64ca44a),
-- dumped from a database it created (mysqldump --no-data). The schema upgrade test starts from this.

CREATE TABLE `durable_approval` (
  `id` varchar(64) NOT NULL,
  `actor` varchar(100) DEFAULT NULL,
  `decided_at` bigint(20) DEFAULT NULL,
  `expires_at` bigint(20) NOT NULL,
  `approval_key` varchar(100) NOT NULL,
  `reason` varchar(1000) DEFAULT NULL,
  `requested_at` bigint(20) NOT NULL,
  `run_id` varchar(64) NOT NULL,
  `status` varchar(16) NOT NULL,
  `workflow_name` varchar(150) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `durable_approval_key_uk` (`run_id`,`approval_key`),
  KEY `durable_approval_pending_ix` (`status`,`requested_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE `durable_lock` (
  `resource` varchar(420) NOT NULL,
  `acquired_at` bigint(20) NOT NULL,
  `expires_at` bigint(20) NOT NULL,
  `holder` varchar(200) NOT NULL,
  PRIMARY KEY (`resource`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE `durable_run` (
  `id` varchar(64) NOT NULL,
  `action_actor` varchar(100) DEFAULT NULL,
  `action_at` bigint(20) DEFAULT NULL,
  `action_kind` varchar(16) DEFAULT NULL,
  `action_reason` varchar(1000) DEFAULT NULL,
  `awaited_signal` varchar(150) DEFAULT NULL,
  `continued_as` varchar(64) DEFAULT NULL,
  `created_at` bigint(20) NOT NULL,
  `error` longtext DEFAULT NULL,
  `finished_at` bigint(20) DEFAULT NULL,
  `input_json` longtext DEFAULT NULL,
  `instance_id` varchar(200) NOT NULL,
  `instance_key` varchar(200) DEFAULT NULL,
  `lease_epoch` bigint(20) NOT NULL,
  `lease_expires_at` bigint(20) DEFAULT NULL,
  `lease_owner` varchar(100) DEFAULT NULL,
  `output_json` longtext DEFAULT NULL,
  `parent_run_id` varchar(64) DEFAULT NULL,
  `parent_step_key` varchar(400) DEFAULT NULL,
  `paused` tinyint(1) NOT NULL DEFAULT 0,
  `status` varchar(16) NOT NULL,
  `updated_at` bigint(20) NOT NULL,
  `waiting_for` varchar(200) DEFAULT NULL,
  `wake_at` bigint(20) DEFAULT NULL,
  `workflow_name` varchar(150) NOT NULL,
  `workflow_version` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `durable_run_key_uk` (`workflow_name`,`instance_key`),
  KEY `durable_run_claim_ix` (`status`,`lease_expires_at`),
  KEY `durable_run_wake_ix` (`status`,`wake_at`),
  KEY `durable_run_created_ix` (`created_at`),
  KEY `durable_run_parent_ix` (`parent_run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE `durable_signal` (
  `id` varchar(64) NOT NULL,
  `consumed` tinyint(1) NOT NULL DEFAULT 0,
  `consumed_at` bigint(20) DEFAULT NULL,
  `idempotency_key` varchar(200) DEFAULT NULL,
  `name` varchar(150) NOT NULL,
  `payload_json` longtext DEFAULT NULL,
  `run_id` varchar(64) NOT NULL,
  `sent_at` bigint(20) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `durable_signal_idem_uk` (`run_id`,`idempotency_key`),
  KEY `durable_signal_run_ix` (`run_id`,`name`),
  KEY `durable_signal_pending_ix` (`consumed`,`run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE `durable_step` (
  `seq` int(11) NOT NULL,
  `run_id` varchar(64) NOT NULL,
  `args_hash` varchar(64) DEFAULT NULL,
  `attempt` int(11) NOT NULL,
  `error` longtext DEFAULT NULL,
  `error_type` varchar(300) DEFAULT NULL,
  `finished_at` bigint(20) DEFAULT NULL,
  `name` varchar(200) NOT NULL,
  `result_json` longtext DEFAULT NULL,
  `started_at` bigint(20) DEFAULT NULL,
  `status` varchar(16) NOT NULL,
  `step_key` varchar(400) NOT NULL,
  PRIMARY KEY (`seq`,`run_id`),
  UNIQUE KEY `durable_step_key_uk` (`run_id`,`step_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE `durable_track_call` (
  `id` varchar(64) NOT NULL,
  `error` longtext DEFAULT NULL,
  `finished_at` bigint(20) DEFAULT NULL,
  `input_json` longtext DEFAULT NULL,
  `operation` varchar(200) NOT NULL,
  `output_json` longtext DEFAULT NULL,
  `owner_id` varchar(200) NOT NULL,
  `started_at` bigint(20) NOT NULL,
  `status` varchar(16) NOT NULL,
  `step_id` varchar(450) NOT NULL,
  `tool` varchar(100) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `durable_track_call_step_ix` (`step_id`,`started_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE `durable_track_counter` (
  `id` varchar(170) NOT NULL,
  `name` varchar(100) NOT NULL,
  `run_id` varchar(64) NOT NULL,
  `counter_value` bigint(20) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `durable_track_counter_run_ix` (`run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE `durable_track_link` (
  `id` varchar(64) NOT NULL,
  `entity_id` varchar(200) NOT NULL,
  `entity_type` varchar(100) NOT NULL,
  `external_id` varchar(200) DEFAULT NULL,
  `link_type` varchar(50) NOT NULL,
  `seq` bigint(20) NOT NULL,
  `step_id` varchar(450) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `durable_track_link_step_ix` (`step_id`,`seq`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE `durable_track_run` (
  `id` varchar(64) NOT NULL,
  `created_at` bigint(20) NOT NULL,
  `error` longtext DEFAULT NULL,
  `finished_at` bigint(20) DEFAULT NULL,
  `input_json` longtext DEFAULT NULL,
  `output_json` longtext DEFAULT NULL,
  `owner_id` varchar(200) NOT NULL,
  `run_type` varchar(150) NOT NULL,
  `started_at` bigint(20) DEFAULT NULL,
  `status` varchar(16) NOT NULL,
  `run_trigger` varchar(100) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `durable_track_run_owner_ix` (`owner_id`,`run_type`,`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE `durable_track_step` (
  `id` varchar(450) NOT NULL,
  `created_at` bigint(20) NOT NULL,
  `durable` tinyint(1) NOT NULL DEFAULT 0,
  `error` longtext DEFAULT NULL,
  `finished_at` bigint(20) DEFAULT NULL,
  `input_json` longtext DEFAULT NULL,
  `items_failed` bigint(20) NOT NULL,
  `items_processed` bigint(20) NOT NULL,
  `items_succeeded` bigint(20) NOT NULL,
  `items_total` bigint(20) NOT NULL,
  `output_json` longtext DEFAULT NULL,
  `owner_id` varchar(200) NOT NULL,
  `parent_step_id` varchar(450) DEFAULT NULL,
  `run_id` varchar(64) NOT NULL,
  `started_at` bigint(20) DEFAULT NULL,
  `status` varchar(16) NOT NULL,
  `step_type` varchar(200) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `durable_track_step_run_ix` (`run_id`,`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
