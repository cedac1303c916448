package io.durable.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a signal a {@link Workflow} accepts: its name and its payload type. The engine refuses a
 * signal with another name or a payload that does not bind to the type when it is sent, so a wrong
 * signal never reaches a running workflow; workflow code may only wait for declared signals.
 *
 * <pre>{@code
 * @Workflow
 * @Signal(name = "approval", type = Approval.class)
 * public class ExpenseWorkflow { ... ctx.awaitSignal("approval", Approval.class, Duration.ofDays(3)) ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Signal.List.class)
public @interface Signal {

    /**
     * The signal's name.
     *
     * @return 1 to 100 characters: letters, digits, {@code . _ -}
     */
    String name();

    /**
     * The payload type; a type JSON-B binds (a record, a class with a public no-argument constructor,
     * a String, a boxed number). {@link Void} for a signal without payload.
     *
     * @return the payload type
     */
    Class<?> type() default Void.class;

    /** Holds several {@link Signal} declarations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        /** @return the declarations */
        Signal[] value();
    }
}
