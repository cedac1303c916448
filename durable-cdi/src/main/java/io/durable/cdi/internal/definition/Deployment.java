package io.durable.cdi.internal.definition;

import io.durable.cdi.internal.time.RetryPolicies;

/**
 * What the extension computed while the application deployed: the validated workflows, the step
 * descriptors and the named retry policies. The engine's beans inject this type, which the extension
 * bean implements (an extension is a bean of all its types), so no package depends on the extension
 * that registers them all.
 */
public interface Deployment {

    /** The deployed workflows. */
    WorkflowDefinitions workflows();

    /** The step descriptors, by method. */
    StepDescriptors steps();

    /** The retry policies steps may name, resolved at deployment. */
    RetryPolicies retryPolicies();

    /**
     * Resolves every retry policy the steps name, where the deployment could not (an EAR: outside
     * every module, a web module's configuration is not visible), now that a module's environment is
     * current. Does nothing if the deployment checked them.
     *
     * @throws io.durable.api.WorkflowDefinitionException when a step names a policy that is neither a
     *     preset nor configured
     */
    void checkDeferredRetryPolicies();
}
