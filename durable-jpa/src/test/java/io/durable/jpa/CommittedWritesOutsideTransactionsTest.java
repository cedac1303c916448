package io.durable.jpa;

import io.durable.spi.WorkflowStore;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every write the store commits on its own ({@code WorkflowStore.*Committed}) runs outside any JTA
 * transaction on a server: the container store declares each with {@code NOT_SUPPORTED}, else the
 * class's {@code REQUIRED} would wrap the auto-committed statement in a transaction of its own (a
 * second round trip, and the caller's transaction joined).
 */
class CommittedWritesOutsideTransactionsTest {

    @Test
    void the_container_store_runs_every_committed_write_outside_a_transaction() throws Exception {
        List<Method> committed = Arrays.stream(WorkflowStore.class.getMethods())
                .filter(method -> method.getName().endsWith("Committed")).toList();
        assertFalse(committed.isEmpty());
        for (Method method : committed) {
            Method declared = JtaWorkflowStore.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            Transactional transactional = declared.getAnnotation(Transactional.class);
            assertNotNull(transactional, () -> declared + " has no @Transactional");
            assertEquals(Transactional.TxType.NOT_SUPPORTED, transactional.value(), declared::toString);
        }
    }
}
