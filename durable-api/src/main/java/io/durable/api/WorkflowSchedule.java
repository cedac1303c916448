package io.durable.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link Workflow} on a calendar schedule, written in the EJB calendar syntax (as
 * {@code jakarta.ejb.Schedule}): each attribute takes {@code *}, a value, a range {@code 1-5}, a list
 * {@code 1,15,30} or an increment {@code *}{@code /15} or {@code 5/15}; months and days of week also
 * take names ({@code Jan}, {@code Mon}). When both day attributes are restricted, a day matches if
 * either does. {@code Last} and ordinal days ({@code 1st Mon}) are not supported and fail the
 * deployment, like any invalid expression.
 *
 * <p>Each tick starts one run whose instance id is {@code NAME@TICK} (the tick as an ISO instant), so
 * nodes that fire the same tick start one run. After a time when every node was down, the latest
 * missed tick is started once. The entry method takes no input or the tick as a {@link java.time.Instant}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WorkflowSchedule {

    /** @return seconds, 0-59 */
    String second() default "0";

    /** @return minutes, 0-59 */
    String minute() default "0";

    /** @return hours, 0-23 */
    String hour() default "0";

    /** @return days of the month, 1-31 */
    String dayOfMonth() default "*";

    /** @return months, 1-12 or Jan-Dec */
    String month() default "*";

    /** @return days of the week, 0-7 (0 and 7 are Sunday) or Sun-Sat */
    String dayOfWeek() default "*";

    /**
     * The zone whose wall clock the schedule is read on. Where the clock skips, a matching time fires
     * once, shifted forward by the gap; where it repeats, a matching time fires at its first showing,
     * and again at its second unless {@link #hour()} matches a single hour (so a daily 02:30 fires once,
     * and every 15 minutes stays every 15 real minutes).
     *
     * @return a time-zone id such as {@code Europe/Paris}
     */
    String timezone() default "UTC";

    /**
     * What to do with ticks missed while every node was down or the database could not take the
     * tick's run: start the latest once (the default), all of them in order, or none.
     *
     * @return the catch-up policy
     */
    CatchUp catchUp() default CatchUp.LATEST;
}
