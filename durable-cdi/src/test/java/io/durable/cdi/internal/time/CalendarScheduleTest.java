package io.durable.cdi.internal.time;

import io.durable.api.WorkflowSchedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EJB calendar syntax of {@link WorkflowSchedule}: the next tick, and clear errors. */
class CalendarScheduleTest {

    static WorkflowSchedule schedule(String second, String minute, String hour, String dayOfMonth, String month,
                                             String dayOfWeek, String timezone) {
        return new WorkflowSchedule() {
            public String second() { return second; }
            public String minute() { return minute; }
            public String hour() { return hour; }
            public String dayOfMonth() { return dayOfMonth; }
            public String month() { return month; }
            public String dayOfWeek() { return dayOfWeek; }
            public String timezone() { return timezone; }
            public io.durable.api.CatchUp catchUp() { return io.durable.api.CatchUp.LATEST; }
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

    /** A schedule written as {@code "second minute hour dayOfMonth month dayOfWeek"}. */
    static CalendarSchedule parse(String fields, String timezone) {
        String[] f = fields.trim().split("\\s+");
        assertEquals(6, f.length, fields);
        return CalendarSchedule.parse(schedule(f[0], f[1], f[2], f[3], f[4], f[5], timezone));
    }

    private static void assertMessage(WorkflowSchedule s, String part) {
        String message = assertThrows(IllegalArgumentException.class, () -> CalendarSchedule.parse(s)).getMessage();
        assertTrue(message.contains(part), message);
    }

    /**
     * The exact ticks across each clock change, one row per schedule: a row starts just before its
     * first tick, and {@code next} from each tick, from halfway to the following one and from one
     * second before it gives that following tick. Ticks are local times with their offset; a time
     * without a date has the date of the tick before it.
     */
    @Nested
    class AcrossClockChanges {

        @TestFactory
        Stream<DynamicTest> europe_berlin_autumn_repeats_02_00_to_02_59() {
            String zone = "Europe/Berlin";
            return Stream.of(
                    row(zone, "0 */15 * * * *", "2026-10-25T01:45+02:00", "02:00+02:00", "02:15+02:00",
                            "02:30+02:00", "02:45+02:00", "02:00+01:00", "02:15+01:00", "02:30+01:00", "02:45+01:00",
                            "03:00+01:00"),
                    row(zone, "0 30 2 * * *", "2026-10-24T02:30+02:00", "2026-10-25T02:30+02:00",
                            "2026-10-26T02:30+01:00"),
                    row(zone, "0 */15 2 * * *", "2026-10-25T02:00+02:00", "02:15+02:00", "02:30+02:00",
                            "02:45+02:00", "2026-10-26T02:00+01:00"),
                    row(zone, "0 0 * * * *", "2026-10-25T01:00+02:00", "02:00+02:00", "02:00+01:00", "03:00+01:00"),
                    row(zone, "0 30 1-3 * * *", "2026-10-25T01:30+02:00", "02:30+02:00", "02:30+01:00",
                            "03:30+01:00", "2026-10-26T01:30+01:00"),
                    row(zone, "0 30 2,14 * * *", "2026-10-25T02:30+02:00", "02:30+01:00", "14:30+01:00"),
                    row(zone, "0 0 */2 * * *", "2026-10-25T00:00+02:00", "02:00+02:00", "02:00+01:00", "04:00+01:00"),
                    row(zone, "*/20 59 * * * *", "2026-10-25T01:59:00+02:00", "01:59:20+02:00", "01:59:40+02:00",
                            "02:59:00+02:00", "02:59:20+02:00", "02:59:40+02:00", "02:59:00+01:00", "02:59:20+01:00",
                            "02:59:40+01:00", "03:59:00+01:00"),
                    row(zone, "30 10-50/20 2 * * *", "2026-10-25T02:10:30+02:00", "02:30:30+02:00",
                            "02:50:30+02:00", "2026-10-26T02:10:30+01:00"),
                    row(zone, "0 */30 * * Oct Sun", "2026-10-25T01:30+02:00", "02:00+02:00", "02:30+02:00",
                            "02:00+01:00", "02:30+01:00", "03:00+01:00"),
                    row(zone, "0 30 2 25 Oct *", "2025-10-25T02:30+02:00", "2026-10-25T02:30+02:00",
                            "2027-10-25T02:30+02:00"),
                    row(zone, "0 0 2 25 * Mon", "2026-10-19T02:00+02:00", "2026-10-25T02:00+02:00",
                            "2026-10-26T02:00+01:00"));
        }

        @TestFactory
        Stream<DynamicTest> europe_berlin_spring_skips_02_00_to_02_59() {
            String zone = "Europe/Berlin";
            return Stream.of(
                    row(zone, "0 */15 * * * *", "2026-03-29T01:30+01:00", "01:45+01:00", "03:00+02:00", "03:15+02:00"),
                    row(zone, "0 30 2 * * *", "2026-03-28T02:30+01:00", "2026-03-29T03:30+02:00",
                            "2026-03-30T02:30+02:00"),
                    row(zone, "0 */15 2 * * *", "2026-03-28T02:45+01:00", "2026-03-29T03:00+02:00", "03:15+02:00",
                            "03:30+02:00", "03:45+02:00", "2026-03-30T02:00+02:00"),
                    row(zone, "0 0 * * * *", "2026-03-29T01:00+01:00", "03:00+02:00", "04:00+02:00"),
                    row(zone, "0 30 1-3 * * *", "2026-03-29T01:30+01:00", "03:30+02:00", "2026-03-30T01:30+02:00"),
                    row(zone, "0 30 2,14 * * *", "2026-03-28T14:30+01:00", "2026-03-29T03:30+02:00", "14:30+02:00"),
                    row(zone, "0 0 */2 * * *", "2026-03-29T00:00+01:00", "03:00+02:00", "04:00+02:00"),
                    row(zone, "*/20 59 * * * *", "2026-03-29T01:59:00+01:00", "01:59:20+01:00", "01:59:40+01:00",
                            "03:59:00+02:00", "03:59:20+02:00", "03:59:40+02:00", "04:59:00+02:00"),
                    row(zone, "0 15,45 2,3 * * *", "2026-03-28T03:45+01:00", "2026-03-29T03:15+02:00", "03:45+02:00",
                            "2026-03-30T02:15+02:00"),
                    row(zone, "0 30 2 29 Mar *", "2025-03-29T02:30+01:00", "2026-03-29T03:30+02:00",
                            "2027-03-29T02:30+02:00"),
                    row(zone, "0 30 2 * * Sun", "2026-03-22T02:30+01:00", "2026-03-29T03:30+02:00",
                            "2026-04-05T02:30+02:00"));
        }

        @TestFactory
        Stream<DynamicTest> america_new_york_repeats_01_00_and_skips_02_00() {
            String zone = "America/New_York";
            return Stream.of(
                    row(zone, "0 */15 * * * *", "2026-11-01T00:45-04:00", "01:00-04:00", "01:15-04:00", "01:30-04:00",
                            "01:45-04:00", "01:00-05:00", "01:15-05:00", "01:30-05:00", "01:45-05:00", "02:00-05:00"),
                    row(zone, "0 30 1 * * *", "2026-10-31T01:30-04:00", "2026-11-01T01:30-04:00",
                            "2026-11-02T01:30-05:00"),
                    row(zone, "0 0 1-2 * * Sun", "2026-11-01T01:00-04:00", "01:00-05:00", "02:00-05:00",
                            "2026-11-08T01:00-05:00"),
                    row(zone, "0 */30 * * * *", "2026-03-08T01:00-05:00", "01:30-05:00", "03:00-04:00", "03:30-04:00"),
                    row(zone, "0 30 2 * * Sun", "2026-03-01T02:30-05:00", "2026-03-08T03:30-04:00",
                            "2026-03-15T02:30-04:00"),
                    row(zone, "0 0,30 2 8 3 *", "2025-03-08T02:30-05:00", "2026-03-08T03:00-04:00", "03:30-04:00",
                            "2027-03-08T02:00-05:00"));
        }

        @TestFactory
        Stream<DynamicTest> australia_lord_howe_moves_half_an_hour() {
            String zone = "Australia/Lord_Howe";
            return Stream.of(
                    row(zone, "0 */15 * * * *", "2026-04-05T01:15+11:00", "01:30+11:00", "01:45+11:00",
                            "01:30+10:30", "01:45+10:30", "02:00+10:30"),
                    // 01:40 comes again 30 minutes after its first showing: no 20-minute grid fits a 30-minute repeat
                    row(zone, "0 */20 * * * *", "2026-04-05T01:20+11:00", "01:40+11:00", "01:40+10:30", "02:00+10:30"),
                    row(zone, "0 45 1 * * *", "2026-04-04T01:45+11:00", "2026-04-05T01:45+11:00",
                            "2026-04-06T01:45+10:30"),
                    row(zone, "0 */10 1 * * *", "2026-04-05T01:30+11:00", "01:40+11:00", "01:50+11:00",
                            "2026-04-06T01:00+10:30"),
                    row(zone, "0 */15 * * * *", "2026-10-04T01:45+10:30", "02:30+11:00", "02:45+11:00", "03:00+11:00"),
                    // 02:15 does not exist and fires shifted by the gap, after 02:40 which does
                    row(zone, "0 15,40 * * * *", "2026-10-04T01:40+10:30", "02:40+11:00", "02:45+11:00", "03:15+11:00"),
                    row(zone, "0 15 2 * * *", "2026-10-03T02:15+10:30", "2026-10-04T02:45+11:00",
                            "2026-10-05T02:15+11:00"));
        }

        @TestFactory
        Stream<DynamicTest> america_sao_paulo_changed_at_midnight() {
            String zone = "America/Sao_Paulo";
            return Stream.of(
                    row(zone, "0 0 0 * * *", "2018-11-03T00:00-03:00", "2018-11-04T01:00-02:00",
                            "2018-11-05T00:00-02:00"),
                    row(zone, "0 */30 * * * *", "2018-11-03T23:30-03:00", "2018-11-04T01:00-02:00", "01:30-02:00"),
                    row(zone, "0 */30 * * * *", "2019-02-16T22:30-02:00", "23:00-02:00", "23:30-02:00", "23:00-03:00",
                            "23:30-03:00", "2019-02-17T00:00-03:00"),
                    row(zone, "0 30 23 * * *", "2019-02-15T23:30-02:00", "2019-02-16T23:30-02:00",
                            "2019-02-17T23:30-03:00"),
                    row(zone, "0 30 23 * * Sat", "2019-02-09T23:30-02:00", "2019-02-16T23:30-02:00",
                            "2019-02-23T23:30-03:00"),
                    row(zone, "0 0 0 17 Feb *", "2019-02-17T00:00-03:00", "2020-02-17T00:00-03:00"));
        }

        @TestFactory
        Stream<DynamicTest> zones_without_a_change_tick_evenly() {
            return Stream.of(
                    row("Asia/Tokyo", "0 */15 * * * *", "2026-10-25T09:45+09:00", "10:00+09:00", "10:15+09:00",
                            "10:30+09:00"),
                    row("Asia/Tokyo", "0 30 2 * * *", "2026-03-29T02:30+09:00", "2026-03-30T02:30+09:00"),
                    row("UTC", "0 */15 * * * *", "2026-10-25T00:45Z", "01:00Z", "01:15Z"),
                    row("UTC", "0 0 1-2 * * *", "2026-11-01T01:00Z", "02:00Z", "2026-11-02T01:00Z"));
        }

        private DynamicTest row(String zone, String fields, String... ticks) {
            List<Instant> expected = new ArrayList<>();
            String date = null;
            for (String tick : ticks) {
                if (tick.contains("T")) {
                    date = tick.substring(0, tick.indexOf('T'));
                } else {
                    tick = date + "T" + tick;
                }
                expected.add(OffsetDateTime.parse(tick).toInstant());
            }
            return DynamicTest.dynamicTest(zone + " " + fields + " from " + ticks[0], () -> {
                CalendarSchedule schedule = parse(fields, zone);
                List<Instant> actual = new ArrayList<>();
                for (Instant tick = schedule.next(expected.get(0).minusSeconds(1)); actual.size() < expected.size();
                     tick = schedule.next(tick)) {
                    actual.add(tick);
                }
                assertEquals(expected, actual);
                for (int i = 0; i + 1 < expected.size(); i++) {
                    Instant from = expected.get(i);
                    Instant to = expected.get(i + 1);
                    Instant half = from.plus(Duration.between(from, to).dividedBy(2));
                    assertEquals(to, schedule.next(half), "from halfway, " + half);
                    assertEquals(to, schedule.next(to.minusSeconds(1)), "from one second before");
                }
            });
        }
    }

    /** Properties over every clock change of 2010 to 2030 (Sao Paulo changed until 2019) in several zones. */
    @Nested
    class AcrossEveryClockChange {

        private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                "America/Sao_Paulo", "Asia/Tokyo", "UTC");
        private static final Instant FIRST = Instant.parse("2010-01-01T00:00:00Z");
        private static final Instant LAST = Instant.parse("2031-01-01T00:00:00Z");
        private static final Duration AROUND = Duration.ofHours(3);

        @Test
        void a_wildcard_hour_schedule_never_leaves_more_than_its_step_between_ticks() {
            for (String zone : ZONES) {
                for (int step : new int[] {1, 5, 7, 10, 15, 20, 25, 30, 45}) {
                    // Lord Howe repeats and skips 30 minutes: only a step that divides 30 fits both showings
                    if (zone.equals("Australia/Lord_Howe") && 30 % step != 0) {
                        continue;
                    }
                    CalendarSchedule schedule = parse("0 */" + step + " * * * *", zone);
                    for (Instant change : changes(zone)) {
                        assertGaps(schedule, change, Duration.ofMinutes(step), 60 % step == 0 && 30 % step == 0,
                                zone + " every " + step + " minutes");
                    }
                }
                CalendarSchedule seconds = parse("*/20 * * * * *", zone);
                for (Instant change : changes(zone)) {
                    assertGaps(seconds, change, Duration.ofSeconds(20), true, zone + " every 20 seconds");
                }
            }
        }

        private void assertGaps(CalendarSchedule schedule, Instant change, Duration step, boolean exact, String what) {
            for (Instant tick = schedule.next(change.minus(AROUND)); tick.isBefore(change.plus(AROUND)); ) {
                Instant next = schedule.next(tick);
                Duration gap = Duration.between(tick, next);
                String after = what + ": " + gap + " after " + tick;
                assertTrue(gap.compareTo(step) <= 0 && (!exact || gap.equals(step)), after);
                tick = next;
            }
        }

        @Test
        void a_daily_fixed_time_fires_once_every_calendar_day_at_its_earlier_or_shifted_instant() {
            for (String zone : ZONES) {
                ZoneId id = ZoneId.of(zone);
                for (String time : List.of("00:00", "00:30", "01:30", "01:45", "02:00", "02:15", "02:30", "03:00",
                        "12:00", "23:30")) {
                    LocalTime at = LocalTime.parse(time);
                    CalendarSchedule schedule = parse("0 " + at.getMinute() + " " + at.getHour() + " * * *", zone);
                    LocalDate day = LocalDate.of(2010, 1, 1);
                    Instant tick = schedule.next(ZonedDateTime.of(day, LocalTime.MIDNIGHT, id).toInstant().minusSeconds(1));
                    for (; day.getYear() <= 2030; day = day.plusDays(1), tick = schedule.next(tick)) {
                        // ZonedDateTime.of takes the earlier instant of a repeated time and shifts a skipped one by the gap
                        ZonedDateTime expected = ZonedDateTime.of(day, at, id);
                        assertEquals(expected.toInstant(), tick, zone + " daily " + time + " on " + day);
                        assertEquals(day, tick.atZone(id).toLocalDate(), zone + " daily " + time);
                    }
                }
            }
        }

        /**
         * Each schedule gives, around each change, the ticks an independent reading of the rule gives:
         * the local times that match on each side of the change (matched by the same schedule in UTC,
         * which has no change), minus the repeated ones for a schedule of one hour, plus the skipped ones
         * shifted by the gap.
         */
        @Test
        void every_field_combination_ticks_where_the_wall_clock_matches() {
            List<String> days = List.of("* * *", "* * Sun", "1-15 * *", "* Mar,Apr,Oct,Nov Sat,Sun,Mon", "25 * Sun");
            List<String> hours = List.of("*", "2", "1", "23", "0", "1-3", "2,14", "*/2", "0-5");
            List<String> minutes = List.of("*/15", "0", "30", "15,40", "0-10/5", "*/7", "45");
            for (String zone : ZONES) {
                List<Instant> changes = changes(zone);
                for (String day : days) {
                    for (String hour : hours) {
                        for (String minute : minutes) {
                            String fields = "0 " + minute + " " + hour + " " + day;
                            CalendarSchedule schedule = parse(fields, zone);
                            CalendarSchedule wallClock = parse(fields, "UTC");
                            for (Instant change : changes) {
                                Instant from = change.minus(AROUND);
                                Instant to = change.plus(AROUND);
                                assertEquals(oracle(wallClock, hour.matches("\\d+"), ZoneId.of(zone), from, to),
                                        ticks(schedule, from, to), zone + " " + fields + " around " + change);
                            }
                        }
                    }
                }
            }
        }

        private List<Instant> oracle(CalendarSchedule wallClock, boolean singleHour, ZoneId zone, Instant from, Instant to) {
            ZoneRules rules = zone.getRules();
            ZoneOffsetTransition change = rules.nextTransition(from);
            TreeSet<Instant> ticks = new TreeSet<>();
            if (change == null || !change.getInstant().isBefore(to)) {
                ZoneOffset offset = rules.getOffset(from);
                localMatches(wallClock, LocalDateTime.ofInstant(from, offset), LocalDateTime.ofInstant(to, offset))
                        .forEach(t -> ticks.add(t.toInstant(offset)));
                return List.copyOf(ticks);
            }
            ZoneOffset before = change.getOffsetBefore();
            ZoneOffset after = change.getOffsetAfter();
            localMatches(wallClock, LocalDateTime.ofInstant(from, before), change.getDateTimeBefore())
                    .forEach(t -> ticks.add(t.toInstant(before)));
            LocalDateTime resume = change.getDateTimeAfter();
            if (change.isOverlap() && singleHour) {
                resume = change.getDateTimeBefore();
            }
            localMatches(wallClock, resume, LocalDateTime.ofInstant(to, after)).forEach(t -> ticks.add(t.toInstant(after)));
            if (change.isGap()) {
                localMatches(wallClock, change.getDateTimeBefore(), change.getDateTimeAfter())
                        .forEach(t -> ticks.add(t.toInstant(before)));
            }
            return List.copyOf(ticks);
        }

        private List<LocalDateTime> localMatches(CalendarSchedule wallClock, LocalDateTime from, LocalDateTime to) {
            List<LocalDateTime> matches = new ArrayList<>();
            for (Instant t = wallClock.next(from.toInstant(ZoneOffset.UTC).minusSeconds(1));
                 t.isBefore(to.toInstant(ZoneOffset.UTC)); t = wallClock.next(t)) {
                matches.add(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
            }
            return matches;
        }

        private List<Instant> ticks(CalendarSchedule schedule, Instant from, Instant to) {
            List<Instant> ticks = new ArrayList<>();
            for (Instant t = schedule.next(from.minusSeconds(1)); t.isBefore(to); t = schedule.next(t)) {
                ticks.add(t);
            }
            return ticks;
        }

        /** The zone's changes, or for a zone without any, the dates Berlin changes on. */
        private List<Instant> changes(String zone) {
            List<Instant> changes = new ArrayList<>();
            ZoneRules rules = ZoneId.of(zone).getRules();
            for (ZoneOffsetTransition t = rules.nextTransition(FIRST); t != null && t.getInstant().isBefore(LAST);
                 t = rules.nextTransition(t.getInstant())) {
                changes.add(t.getInstant());
            }
            return changes.isEmpty() ? changes("Europe/Berlin") : changes;
        }
    }
}
