package io.durable.testing.listed;

import io.durable.api.RunId;
import io.durable.testing.WorkflowTest;
import io.durable.testing.WorkflowTestKit;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A package named in {@link WorkflowTest#packages()} deploys its beans; a nested class inherits the
 * setup, and the enclosing instance's fields are injected for it.
 */
@WorkflowTest(packages = DoublingWorkflow.class)
class PackagesTest {

    @Inject
    Doubler doubler;

    @Test
    void the_beans_of_a_named_package_are_deployed(WorkflowTestKit kit) {
        RunId run = kit.engine().start(DoublingWorkflow.class, "n-3", 3);
        assertEquals(12, kit.awaitResult(run, Integer.class));
    }

    @Nested
    class Inside {
        @Test
        void a_nested_test_class_runs_with_the_setup_of_its_enclosing_class(WorkflowTestKit kit) {
            RunId run = kit.engine().start(DoublingWorkflow.class, "n-5", 5);
            assertEquals(20, kit.awaitResult(run, Integer.class));
            assertEquals(14, doubler.twice(7), "the enclosing instance's fields are injected too");
        }
    }
}
