package io.durable.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an exception type (and its subclasses) as a failure that retrying cannot cure, such as
 * invalid input: a step that throws it fails at once, whatever its retry policy. A step can also
 * list such types itself with {@link DurableStep#noRetryOn()}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NonRetryable {
}
