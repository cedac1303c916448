package io.durable.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs each test of the class with a durable engine of its own: a Weld SE container with the engine,
 * the in-memory stores, a clock that moves only when the test says, and the application beans listed
 * here. The test's {@code @Inject} fields are injected (the {@link io.durable.api.WorkflowEngine}, the
 * application's beans; for a {@code @Nested} test, its enclosing instances' too), and a test method may
 * take a {@link WorkflowTestKit} parameter, which moves the clock, waits for runs and replays recorded
 * runs. A {@code @Nested} class runs with its own {@code @WorkflowTest}, or else its enclosing class's.
 *
 * <pre>{@code
 * @WorkflowTest(beans = {ReminderWorkflow.class, Reminders.class})
 * class ReminderWorkflowTest {
 *     @Inject WorkflowEngine engine;
 *
 *     @Test
 *     void a_week_long_sleep_ends_when_the_test_moves_the_clock(WorkflowTestKit kit) {
 *         RunId run = engine.start(ReminderWorkflow.class, "r-1", new ReminderRequest("ann", 7 * 86_400));
 *         kit.advance(Duration.ofDays(7));
 *         assertEquals("reminded ann ...", kit.awaitResult(run, String.class));
 *     }
 * }
 * }</pre>
 *
 * <p>The container starts before each test method and stops after it, so no run, signal or clock
 * move leaks from one test into another. Beans are not discovered: list them (a workflow, the beans
 * with its steps, what those inject), or name a class of each package to take whole.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(WorkflowTestExtension.class)
public @interface WorkflowTest {

    /**
     * The application's bean classes: workflows, the beans that hold their steps, and what they inject.
     *
     * @return the classes, added as they are (alternatives among them are enabled by their {@code @Priority})
     */
    Class<?>[] beans() default {};

    /**
     * Classes whose whole package (not its sub-packages) is added, as a shorter way to list beans.
     *
     * @return one class per package
     */
    Class<?>[] packages() default {};

    /**
     * Portable extensions the application needs in the container beside the engine's, for example a
     * MicroProfile Config implementation's for {@code @ConfigProperty}; each needs a public no-argument
     * constructor.
     *
     * @return the extension classes
     */
    Class<? extends jakarta.enterprise.inject.spi.Extension>[] extensions() default {};

    /**
     * Where the test clock starts, as an ISO-8601 instant.
     *
     * @return the start time
     */
    String clockStart() default "2026-01-01T09:00:00Z";

    /**
     * How long, in seconds of real time, the kit waits for runs to settle before it fails the test (runs
     * execute on the engine's threads; a settled test takes milliseconds).
     *
     * @return the bound, 1 to 600
     */
    int awaitSeconds() default 10;
}
