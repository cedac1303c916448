package io.durable.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the entry method of a {@link Workflow} bean.
 *
 * <p>The method takes zero or one parameter (the run's input) and returns the run's output (or
 * {@code void}); both are stored as JSON, so their types must be bindable by JSON-B. It must be
 * public and not static. Exactly one method per workflow bean carries this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WorkflowMethod {
}
