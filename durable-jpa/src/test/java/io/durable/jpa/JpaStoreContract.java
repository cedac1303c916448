package io.durable.jpa;

import io.durable.api.RunId;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.Lease;
import io.durable.spi.LeasedStep;
import io.durable.spi.NewRun;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import io.durable.spi.WorkflowStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Runs the store contract on one database; one subclass per database. */
abstract class JpaStoreContract extends WorkflowStoreContractTest {

    private static ResourceLocalJpa jpa;
    private static String openedUrl;

    protected static synchronized ResourceLocalJpa open(String url, String user, String password) {
        return open(url, user, password, Map.of());
    }

    /** @param properties more persistence properties, such as the JPA provider */
    protected static synchronized ResourceLocalJpa open(String url, String user, String password, Map<String, ?> properties) {
        String key = url + " " + properties;
        if (jpa == null || !key.equals(openedUrl)) {
            if (jpa != null) {
                jpa.close();
            }
            Databases.dropTables(url, user, password);
            jpa = ResourceLocalJpa.open(url, user, password, properties);
            openedUrl = key;
        }
        return jpa;
    }

    protected abstract ResourceLocalJpa jpa();

    @Override
    protected WorkflowStore store() {
        return jpa().store();
    }

    @Override
    protected TransactionRunner transactions() {
        return jpa();
    }

    @Test
    void an_entry_committed_on_its_own_does_not_join_the_callers_transaction() {
        RunId id = RunId.random();
        store().createRun(new NewRun(id, "alone-" + id, 1, "i", "{}", t0));
        Lease lease = store().claim(id, "node-a", t0, Duration.ofSeconds(30)).orElseThrow();
        StepInfo entry = new StepInfo(0, "a#1", "a", StepStatus.COMPLETED, 1, "h", "1", null, null, t0, t0);

        assertThrows(IllegalStateException.class, () -> jpa().inNewTransaction(() -> {
            store().appendStepCommitted(lease, entry, jpa());
            throw new IllegalStateException("the caller's transaction rolls back");
        }));

        assertEquals(List.of(entry), store().loadJournal(id));
    }

    @Test
    void a_batch_committed_on_its_own_does_not_join_the_callers_transaction() {
        RunId first = RunId.random();
        RunId second = RunId.random();
        store().createRun(new NewRun(first, "alone-" + first, 1, "i", "{}", t0));
        store().createRun(new NewRun(second, "alone-" + second, 1, "i", "{}", t0));
        Lease one = store().claim(first, "node-a", t0, Duration.ofSeconds(30)).orElseThrow();
        Lease two = store().claim(second, "node-a", t0, Duration.ofSeconds(30)).orElseThrow();
        StepInfo entry = new StepInfo(0, "a#1", "a", StepStatus.COMPLETED, 1, "h", "1", null, null, t0, t0);

        assertThrows(IllegalStateException.class, () -> jpa().inNewTransaction(() -> {
            store().appendStepsCommitted(List.of(new LeasedStep(one, entry), new LeasedStep(two, entry)), jpa());
            throw new IllegalStateException("the caller's transaction rolls back");
        }));

        assertEquals(List.of(entry), store().loadJournal(first));
        assertEquals(List.of(entry), store().loadJournal(second));
    }

    @AfterAll
    static synchronized void close() {
        if (jpa != null) {
            jpa.close();
            jpa = null;
            openedUrl = null;
        }
    }
}
