package io.durable.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a bean method a durable step: its result is journaled, and when the run is replayed the
 * journaled result is returned without running the method again.
 *
 * <p>A step lives on a CDI bean other than the workflow bean, injected into the workflow: CDI does not
 * intercept a bean's calls to its own methods through {@code this}, so a step on the workflow bean
 * would never be journaled, and the deployment fails with a {@link WorkflowDefinitionException} that
 * names it. Called outside a running workflow, the method simply runs. Called from inside another step, it runs as part of that step
 * (only the outermost step is journaled). A step that throws is journaled as failed, and the
 * workflow sees a {@link StepFailedException}, on the first execution and on every replay alike.
 *
 * <p>A plain step runs outside any transaction and its journal row is written in a new transaction
 * right after it returns: a crash in between runs it again, so pass
 * {@link DurableContext#idempotencyKey()} to external systems. A {@linkplain #transactional()
 * transactional} step runs in a new JTA transaction that also writes its journal row: its database
 * effects and its journal row commit together, exactly once.
 */
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DurableStep {

    /**
     * The step's name in the journal; with its occurrence number it forms the step key.
     *
     * @return the name; when empty, the method's name
     */
    @Nonbinding
    String name() default "";

    /**
     * Whether the body runs in the same JTA transaction as its journal write.
     *
     * @return {@code true} for exactly-once database effects
     */
    @Nonbinding
    boolean transactional() default false;

    /**
     * The retry policy: a preset ({@code none}, {@code fast}, {@code standard}, {@code rateLimit},
     * {@code dns}, {@code verification}, see {@link RetryPolicy}) or a policy defined in MicroProfile
     * Config under {@code durable.retry.NAME.*}. Each attempt's failure is journaled with its attempt
     * number; long waits park the run on a durable timer. An unknown name fails the deployment.
     *
     * @return the policy's name
     */
    @Nonbinding
    String retry() default "none";

    /**
     * Exception types that fail the step at once, without retry (besides types annotated
     * {@link NonRetryable}). Subclasses count too.
     *
     * @return the types
     */
    @Nonbinding
    Class<? extends Throwable>[] noRetryOn() default {};

    /**
     * The saga compensation: the name of a method of the same bean that undoes this step, taking the
     * step's result (or no parameter). When the workflow fails, the compensations of its completed
     * steps run newest first, each once and journaled, while the run is COMPENSATING; a crash in the
     * middle resumes where it stopped. For a transactional step the compensation and its journal entry
     * share one transaction too. The method must not be a step itself.
     *
     * @return the method name; empty for none
     */
    @Nonbinding
    String compensation() default "";
}
