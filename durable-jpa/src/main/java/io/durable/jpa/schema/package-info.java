/**
 * The engine's schema: versioned SQL migrations for H2, PostgreSQL and MariaDB, applied by Flyway
 * before the engine starts work, or by a DBA from the same scripts. Owns the schema history table
 * {@value io.durable.jpa.schema.SchemaMigrations#HISTORY_TABLE}; uses nothing of the engine.
 */
package io.durable.jpa.schema;
