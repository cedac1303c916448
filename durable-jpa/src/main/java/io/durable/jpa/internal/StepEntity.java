package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One step of a run, and its tracking record: a journal entry (sequence 0 and up) or a tracked step
 * that is not a journal entry (a negative sequence, so it never takes a journal position and the
 * journal loads as the primary key's range {@code seq >= 0}). The primary key (run, sequence) orders
 * the journal and serves its one-query load; the unique (run, step key) is the last guard against a
 * step journaled twice, and the key calls and links refer to.
 */
@Entity
@IdClass(StepEntity.Key.class)
@Table(name = "durable_step",
        uniqueConstraints = @UniqueConstraint(name = "durable_step_key_uk", columnNames = {"run_id", "step_key"}))
public class StepEntity {

    @Id
    @Column(name = "run_id", length = 64)
    String runId;

    @Id
    @Column(name = "seq")
    int sequence;

    @Column(name = "step_key", length = 400, nullable = false)
    String stepKey;

    @Column(name = "name", length = 200, nullable = false)
    String name;

    @Column(name = "status", length = 16, nullable = false)
    String status;

    @Column(name = "attempt", nullable = false)
    int attempt;

    @Column(name = "args_hash", length = 64)
    String argsHash;

    @Column(name = "result_json")
    String resultJson;

    @Column(name = "error_type", length = 300)
    String errorType;

    @Column(name = "error")
    String error;

    @Column(name = "started_at")
    Long startedAt;

    @Column(name = "finished_at")
    Long finishedAt;

    @Column(name = "created_at")
    Long createdAt;

    @Column(name = "parent_step_key", length = 400)
    String parentStepKey;

    @Column(name = "input_json")
    String inputJson;

    @Column(name = "items_total", nullable = false)
    long itemsTotal = -1;

    @Column(name = "items_processed", nullable = false)
    long itemsProcessed;

    @Column(name = "items_succeeded", nullable = false)
    long itemsSucceeded;

    @Column(name = "items_failed", nullable = false)
    long itemsFailed;

    /** The primary key class. */
    public static class Key {
        String runId;
        int sequence;

        public Key() {
        }

        public Key(String runId, int sequence) {
            this.runId = runId;
            this.sequence = sequence;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sequence == sequence && java.util.Objects.equals(k.runId, runId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(runId, sequence);
        }
    }
}
