package io.durable.testing;

import io.durable.api.WorkflowEngine;
import io.durable.cdi.internal.DurableExtension;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.execution.CronScheduler;
import io.durable.cdi.internal.execution.Dispatcher;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionTarget;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.WeldInitiator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JUnit 5 side of {@link WorkflowTest}: before each test it starts a Weld SE container with the
 * engine, the kit's beans and the listed application beans, and injects the test instance; after the
 * test it lets the runs settle and stops the container.
 */
final class WorkflowTestExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WorkflowTestExtension.class);

    /** The container of one test, closed by JUnit when the test's context ends. */
    private record Running(WeldContainer container, Runnable releaseTest, WorkflowTestKit kit)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            try {
                releaseTest.run();
            } finally {
                container.shutdown();
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        WorkflowTest config = configuration(context);
        TestClock clock = new TestClock(start(config));
        Weld weld = WeldInitiator.createWeld()
                .addExtension(new DurableExtension())
                .addExtension(new TestClockBean(clock))
                .addBeanClasses(InMemoryWorkflowStore.class, InMemoryTrackingStore.class, KitEngine.class,
                        KitEngine.MovingClockWait.class, RecordedRuns.class)
                .addBeanClasses(config.beans());
        for (Class<?> member : config.packages()) {
            weld.addPackage(false, member);
        }
        for (Class<? extends Extension> extension : config.extensions()) {
            weld.addExtension(instantiate(extension));
        }
        WeldContainer container = weld.initialize();
        try {
            // a @Nested test's enclosing instances are injected too: their fields serve the nested tests
            List<Runnable> releases = new ArrayList<>();
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                releases.add(inject(container.getBeanManager(), instance));
            }
            Runnable release = () -> releases.forEach(Runnable::run);
            WorkflowTestKit kit = new WorkflowTestKit(container.select(WorkflowEngine.class).get(),
                    container.select(InMemoryWorkflowStore.class).get(), container.select(Dispatcher.class).get(),
                    container.select(CronScheduler.class).get(), container.select(Deployment.class).get(), clock,
                    container.select(RecordedRuns.class).get(), Duration.ofSeconds(config.awaitSeconds()));
            context.getStore(NAMESPACE).put(Running.class, new Running(container, release, kit));
        } catch (RuntimeException e) {
            container.shutdown();
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(Running.class, Running.class);
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WorkflowTestKit.class || type == WorkflowEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(Running.class, Running.class);
        if (running == null) {
            throw new ExtensionConfigurationException("A WorkflowTestKit is there for test methods of a @WorkflowTest "
                    + "class, not for its constructor or class-level methods");
        }
        return parameter.getParameter().getType() == WorkflowTestKit.class ? running.kit() : running.kit().engine();
    }

    private static WorkflowTest configuration(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            var found = AnnotationSupport.findAnnotation(type, WorkflowTest.class);
            if (found.isPresent()) {
                WorkflowTest config = found.get();
                if (config.awaitSeconds() < 1 || config.awaitSeconds() > 600) {
                    throw new ExtensionConfigurationException("@WorkflowTest(awaitSeconds = " + config.awaitSeconds()
                            + ") on " + type.getName() + " must be 1 to 600");
                }
                return config;
            }
        }
        throw new ExtensionConfigurationException(context.getRequiredTestClass().getName()
                + " runs with the workflow test extension but has no @WorkflowTest");
    }

    private static Instant start(WorkflowTest config) {
        try {
            return Instant.parse(config.clockStart());
        } catch (DateTimeParseException e) {
            throw new ExtensionConfigurationException("@WorkflowTest(clockStart = \"" + config.clockStart()
                    + "\") is not an ISO-8601 instant such as 2026-01-01T09:00:00Z", e);
        }
    }

    private static Extension instantiate(Class<? extends Extension> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new ExtensionConfigurationException("@WorkflowTest(extensions = " + type.getName() + ".class) needs "
                    + "a public no-argument constructor", e);
        }
    }

    /** Injects the test instance's {@code @Inject} members; returns what releases them. */
    private static <T> Runnable inject(BeanManager beans, T test) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) test.getClass();
        InjectionTarget<T> target = beans.getInjectionTargetFactory(beans.createAnnotatedType(type))
                .createInjectionTarget(null);
        CreationalContext<T> creational = beans.createCreationalContext(null);
        target.inject(test, creational);
        return creational::release;
    }

    /** Makes the test's clock a bean, so the engine's clock producer can hand it out. */
    static final class TestClockBean implements Extension {

        private final TestClock clock;

        TestClockBean(TestClock clock) {
            this.clock = clock;
        }

        void addClock(@Observes AfterBeanDiscovery event) {
            event.addBean().beanClass(TestClock.class).types(TestClock.class, Object.class).scope(Dependent.class)
                    .produceWith(instance -> clock);
        }
    }
}
