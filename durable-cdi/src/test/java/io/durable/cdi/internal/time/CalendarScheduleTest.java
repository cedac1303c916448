package io.durable.cdi.internal.time;

import io.durable.api.WorkflowSchedule;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EJB calendar syntax of {@link WorkflowSchedule}: the next tick, and clear errors. */
class CalendarScheduleTest {

    private static WorkflowSchedule schedule(String second, String minute, String hour, String dayOfMonth, String month,
                                             String dayOfWeek, String timezone) {
        return new WorkflowSchedule() {
            public String second() { return second; }
            public String minute() { return minute; }
            public String hour() { return hour; }
            public String dayOfMonth() { return dayOfMonth; }
            public String month() { return month; }
            public String dayOfWeek() { return dayOfWeek; }
            public String timezone() { return timezone; }
            public Class<? extends Annotation> annotationType() { return WorkflowSchedule.class; }
        };
    }

    private static Instant next(WorkflowSchedule s, String after) {
        return CalendarSchedule.parse(s).next(Instant.parse(after));
    }

    @Test
    void increments_lists_ranges_and_names() {
        WorkflowSchedule quarterly = schedule("0", "*/15", "*", "*", "*", "*", "UTC");
        assertEquals(Instant.parse("2026-03-01T10:15:00Z"), next(quarterly, "2026-03-01T10:07:30Z"));
        assertEquals(Instant.parse("2026-03-01T10:30:00Z"), next(quarterly, "2026-03-01T10:15:00Z"));
        assertEquals(Instant.parse("2026-03-01T11:00:00Z"), next(quarterly, "2026-03-01T10:59:59Z"));

        WorkflowSchedule weekdays = schedule("0", "0", "9", "*", "*", "Mon-Fri", "Europe/Paris");
        assertEquals(Instant.parse("2026-03-09T08:00:00Z"), next(weekdays, "2026-03-06T08:00:00Z"), "Friday to Monday");

        WorkflowSchedule list = schedule("30", "5,35", "2/12", "*", "Jan,Jul", "*", "UTC");
        assertEquals(Instant.parse("2026-07-01T02:05:30Z"), next(list, "2026-03-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-07-01T14:05:30Z"), next(list, "2026-07-01T02:35:30Z"));
    }

    @Test
    void a_day_matches_when_either_restricted_day_attribute_does() {
        WorkflowSchedule firstOrMonday = schedule("0", "0", "0", "1", "*", "Mon", "UTC");
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), next(firstOrMonday, "2026-03-01T00:00:00Z"), "a Monday");
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), next(firstOrMonday, "2026-03-30T00:00:00Z"), "the 1st");
        WorkflowSchedule sunday = schedule("0", "0", "0", "*", "*", "7", "UTC");
        assertEquals(Instant.parse("2026-03-08T00:00:00Z"), next(sunday, "2026-03-01T00:00:00Z"));
    }

    @Test
    void invalid_expressions_are_refused_naming_the_attribute() {
        assertMessage(schedule("0", "61", "*", "*", "*", "*", "UTC"), "minute = \"61\": values must be 0 to 59");
        assertMessage(schedule("0", "0", "0", "Last", "*", "*", "UTC"), "'Last' and ordinal days are not supported");
        assertMessage(schedule("0", "*/0", "*", "*", "*", "*", "UTC"), "an increment must be at least 1");
        assertMessage(schedule("0", "0", "0", "30", "Feb", "*", "UTC"), "never fires");
        assertMessage(schedule("0", "0", "0", "*", "*", "*", "Mars/Olympus"), "not a time-zone id");
        assertMessage(schedule("0", "", "0", "*", "*", "*", "UTC"), "minute is empty");
    }

    private static void assertMessage(WorkflowSchedule s, String part) {
        String message = assertThrows(IllegalArgumentException.class, () -> CalendarSchedule.parse(s)).getMessage();
        assertTrue(message.contains(part), message);
    }
}
