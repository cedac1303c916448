package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.util.Objects;

/** One output counter of a run: the primary key (run, name) is also the index counters are read by. */
@Entity
@IdClass(CounterEntity.Key.class)
@Table(name = "durable_counter")
public class CounterEntity {

    @Id
    @Column(name = "run_id", length = 64)
    String runId;

    @Id
    @Column(name = "name", length = 100)
    String name;

    @Column(name = "counter_value", nullable = false)
    long value;

    /** The primary key class. */
    public static class Key {
        String runId;
        String name;

        public Key() {
        }

        public Key(String runId, String name) {
            this.runId = runId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.runId, runId) && Objects.equals(k.name, name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, name);
        }
    }
}
