package io.durable.cdi.internal;

import io.durable.api.DurableStep;
import io.durable.api.Workflow;
import io.durable.api.WorkflowDefinitionException;
import io.durable.api.WorkflowMethod;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;

import java.util.ArrayList;
import java.util.List;

/**
 * The portable extension: registers the engine's beans, collects and validates every
 * {@code @Workflow} bean and {@code @DurableStep} method while the application deploys, and fails
 * the deployment with a definition error that names the class for anything invalid. At run time
 * the engine only looks up what was computed here.
 */
public class DurableExtension implements Extension {

    private static final List<Class<?>> ENGINE_BEANS = List.of(
            DurableStepInterceptor.class, DefaultWorkflowEngine.class, DefaultDurableContext.class,
            Dispatcher.class, RunExecutor.class, StepRunner.class, RunWaiters.class, JsonCodec.class,
            EngineSettingsProducer.class, EngineThreads.class, JtaTransactionRunner.class,
            SystemClockProducer.class, EngineMetrics.class, EngineLifecycle.class, DurableOps.class, InThreadWait.class,
            JournalWriter.class, WakeUps.class, AfterCommit.class, CronScheduler.class, Inputs.class, NewInput.class, EngineEvents.class,
            ParallelRunner.class, ChildWorkflows.class, Approvals.class, Saga.class, TrackingOwners.class,
            DefaultRunTracker.class, DefaultSyncs.class);

    private final WorkflowDefinitions workflows = new WorkflowDefinitions();
    private final StepDescriptors steps = new StepDescriptors();
    private final List<WorkflowDefinitionException> problems = new ArrayList<>();
    private volatile RetryPolicies retryPolicies;

    void registerEngineBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : ENGINE_BEANS) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), DurableExtension.class.getName() + "." + type.getSimpleName());
        }
    }

    <T> void collectSteps(@Observes @WithAnnotations(DurableStep.class) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        if (type.isAnnotationPresent(jakarta.interceptor.Interceptor.class)) {
            return;
        }
        DurableStep onType = type.getAnnotation(DurableStep.class);
        for (AnnotatedMethod<? super T> method : type.getMethods()) {
            DurableStep annotation = method.getAnnotation(DurableStep.class);
            if (method.isAnnotationPresent(WorkflowMethod.class)
                    || annotation == null && (onType == null || !method.getDeclaringType().equals(type))) {
                continue;
            }
            DurableStep step = annotation != null ? annotation : onType;
            StepDefinitionCheck.problem(type.getJavaClass(), method.getJavaMember(), step)
                    .ifPresentOrElse(problems::add, () -> steps.register(method.getJavaMember(), step));
        }
    }

    <T> void collectWorkflow(@Observes ProcessManagedBean<T> event) {
        AnnotatedType<T> type = event.getAnnotatedBeanClass();
        Workflow workflow = type.getAnnotation(Workflow.class);
        if (workflow == null) {
            return;
        }
        Class<T> beanClass = type.getJavaClass();
        WorkflowDefinitionCheck check = new WorkflowDefinitionCheck(beanClass);
        if (!event.getBean().getScope().equals(Dependent.class)) {
            problems.add(check.scopeProblem(event.getBean().getScope()));
            return;
        }
        if (type.isAnnotationPresent(DurableStep.class)
                || type.getMethods().stream().anyMatch(m -> m.isAnnotationPresent(DurableStep.class))) {
            problems.add(check.selfInvokedSteps());
        }
        List<AnnotatedMethod<? super T>> entries = type.getMethods().stream()
                .filter(m -> m.isAnnotationPresent(WorkflowMethod.class))
                .toList();
        check.definition(workflow, entries.stream().map(AnnotatedMethod::getJavaMember).toList(), event.getBean())
                .ifPresent(definition -> {
                    WorkflowDefinition previous = workflows.register(definition);
                    if (previous != null) {
                        problems.add(check.duplicateName(definition.name(), previous.beanClass()));
                    }
                });
        problems.addAll(check.problems());
    }

    void reportProblems(@Observes AfterBeanDiscovery event) {
        problems.forEach(event::addDefinitionError);
    }

    void checkRetryPolicies(@Observes AfterDeploymentValidation event) {
        RetryPolicies policies = new RetryPolicies(EngineSettingsProducer.config());
        for (String name : steps.retryNames()) {
            try {
                policies.policy(name);
            } catch (IllegalArgumentException e) {
                event.addDeploymentProblem(new WorkflowDefinitionException("@DurableStep(retry = \"" + name + "\")",
                        e.getMessage()));
            }
        }
        retryPolicies = policies;
    }

    RetryPolicies retryPolicies() {
        RetryPolicies policies = retryPolicies;
        if (policies == null) {
            policies = new RetryPolicies(EngineSettingsProducer.config());
            retryPolicies = policies;
        }
        return policies;
    }

    WorkflowDefinitions workflows() {
        return workflows;
    }

    StepDescriptors steps() {
        return steps;
    }
}
