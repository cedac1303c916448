package io.durable.cdi.internal;

import io.durable.api.DurableStep;
import io.durable.api.Workflow;
import io.durable.api.WorkflowDefinitionException;
import io.durable.api.WorkflowMethod;
import io.durable.cdi.internal.access.AccessBeans;
import io.durable.cdi.internal.composition.CompositionBeans;
import io.durable.cdi.internal.definition.DefinitionBeans;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.StepDefinitionCheck;
import io.durable.cdi.internal.definition.StepDescriptors;
import io.durable.cdi.internal.definition.WorkflowDefinition;
import io.durable.cdi.internal.definition.WorkflowDefinitionCheck;
import io.durable.cdi.internal.definition.WorkflowDefinitions;
import io.durable.cdi.internal.execution.ExecutionBeans;
import io.durable.cdi.internal.journal.JournalBeans;
import io.durable.cdi.internal.json.JsonBeans;
import io.durable.cdi.internal.platform.EngineSettingsProducer;
import io.durable.cdi.internal.platform.ModuleEnvironment;
import io.durable.cdi.internal.platform.PlatformBeans;
import io.durable.cdi.internal.sync.SyncBeans;
import io.durable.cdi.internal.time.RetryPolicies;
import io.durable.cdi.internal.time.TimeBeans;
import io.durable.cdi.internal.time.TimerModules;
import io.durable.cdi.internal.tracking.TrackingBeans;
import io.durable.spi.WakeUpTimers;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portable extension: registers the engine's beans, collects and validates every
 * {@code @Workflow} bean and {@code @DurableStep} method while the application deploys, and fails
 * the deployment with a definition error that names the class for anything invalid. At run time
 * the engine only looks up what was computed here.
 */
public class DurableExtension implements Extension, Deployment, TimerModules {

    /** The engine's beans, by package; nothing in this jar is discovered by scanning. */
    private static final List<List<Class<?>>> ENGINE_BEANS = List.of(
            PlatformBeans.TYPES, JsonBeans.TYPES, TimeBeans.TYPES, DefinitionBeans.TYPES, JournalBeans.TYPES,
            CompositionBeans.TYPES, TrackingBeans.TYPES, AccessBeans.TYPES, SyncBeans.TYPES, ExecutionBeans.TYPES);

    private final WorkflowDefinitions workflows = new WorkflowDefinitions();
    private final StepDescriptors steps = new StepDescriptors();
    private final List<WorkflowDefinitionException> problems = new ArrayList<>();
    private volatile RetryPolicies retryPolicies;
    private volatile boolean retryChecksDeferred;
    private volatile Bean<?> wakeUpTimers;

    void registerEngineBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        List<List<Class<?>>> all = new ArrayList<>(ENGINE_BEANS);
        all.add(PlatformBeans.optional());
        all.add(AccessBeans.optional());
        for (List<Class<?>> types : all) {
            for (Class<?> type : types) {
                event.addAnnotatedType(beanManager.createAnnotatedType(type), DurableExtension.class.getName() + "." + type.getSimpleName());
            }
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

    <T> void collectTimers(@Observes ProcessBean<T> event) {
        if (event.getBean().getTypes().contains(WakeUpTimers.class)) {
            wakeUpTimers = event.getBean();
        }
    }

    void reportProblems(@Observes AfterBeanDiscovery event) {
        problems.forEach(event::addDefinitionError);
    }

    void checkRetryPolicies(@Observes AfterDeploymentValidation event) {
        if (!ModuleEnvironment.present()) {
            // an EAR's deployment, outside every module: a web module's configuration is not visible yet;
            // the engine checks them as it starts with that module (checkDeferredRetryPolicies)
            retryChecksDeferred = true;
            return;
        }
        RetryPolicies policies = newRetryPolicies();
        for (String name : steps.retryNames()) {
            try {
                policies.policy(name);
            } catch (IllegalArgumentException e) {
                event.addDeploymentProblem(retryProblem(name, e));
            }
        }
        retryPolicies = policies;
    }

    @Override
    public void checkDeferredRetryPolicies() {
        if (!retryChecksDeferred) {
            return;
        }
        RetryPolicies policies = newRetryPolicies();
        for (String name : steps.retryNames()) {
            try {
                policies.policy(name);
            } catch (IllegalArgumentException e) {
                throw retryProblem(name, e);
            }
        }
        retryPolicies = policies;
        retryChecksDeferred = false;
    }

    private static WorkflowDefinitionException retryProblem(String name, IllegalArgumentException e) {
        return new WorkflowDefinitionException("@DurableStep(retry = \"" + name + "\")", e.getMessage());
    }

    @Override
    public RetryPolicies retryPolicies() {
        RetryPolicies policies = retryPolicies;
        if (policies == null) {
            policies = newRetryPolicies();
            retryPolicies = policies;
        }
        return policies;
    }

    /** The named policies, from the configuration the application sees where this is called. */
    private RetryPolicies newRetryPolicies() {
        return new RetryPolicies(EngineSettingsProducer.config());
    }

    @Override
    public Optional<Bean<?>> wakeUpTimers() {
        return Optional.ofNullable(wakeUpTimers);
    }

    @Override
    public WorkflowDefinitions workflows() {
        return workflows;
    }

    @Override
    public StepDescriptors steps() {
        return steps;
    }
}
