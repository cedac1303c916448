package io.durable.cdi.internal.time;

import io.durable.api.WorkflowSchedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@link WorkflowSchedule}: which seconds, minutes, hours, days and months match, and the
 * next matching instant after a given one. Parsing fails with a message naming the attribute.
 */
public final class CalendarSchedule {

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    /** A schedule with no tick in this many days has none (for example February 30). */
    private static final int HORIZON_DAYS = 366 * 8;

    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;
    /** The hour field names one hour: its times are times of day, fired once even when the clock repeats them. */
    private final boolean singleHour;
    private final ZoneId zone;
    private final String text;

    private CalendarSchedule(WorkflowSchedule s) {
        seconds = field("second", s.second(), 0, 59, null);
        minutes = field("minute", s.minute(), 0, 59, null);
        hours = field("hour", s.hour(), 0, 23, null);
        singleHour = hours.cardinality() == 1;
        daysOfMonth = field("dayOfMonth", s.dayOfMonth(), 1, 31, null);
        months = field("month", s.month(), 1, 12, MONTHS);
        BitSet week = field("dayOfWeek", s.dayOfWeek(), 0, 7, DAYS);
        if (week.get(7)) {
            week.set(0);
        }
        daysOfWeek = week;
        anyDayOfMonth = s.dayOfMonth().trim().equals("*");
        anyDayOfWeek = s.dayOfWeek().trim().equals("*");
        try {
            zone = ZoneId.of(s.timezone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timezone '" + s.timezone() + "' is not a time-zone id", e);
        }
        text = "second=" + s.second() + " minute=" + s.minute() + " hour=" + s.hour() + " dayOfMonth=" + s.dayOfMonth()
                + " month=" + s.month() + " dayOfWeek=" + s.dayOfWeek() + " timezone=" + s.timezone();
    }

    /**
     * Parses a schedule.
     *
     * @throws IllegalArgumentException naming the attribute and what is wrong
     */
    public static CalendarSchedule parse(WorkflowSchedule schedule) {
        CalendarSchedule parsed = new CalendarSchedule(schedule);
        if (parsed.next(Instant.EPOCH) == null) {
            throw new IllegalArgumentException("the schedule (" + parsed.text + ") never fires");
        }
        return parsed;
    }

    private static BitSet field(String name, String expression, int min, int max, List<String> names) {
        BitSet values = new BitSet(max + 1);
        String text = expression == null ? "" : expression.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        for (String part : text.split(",")) {
            String item = part.trim();
            try {
                int step = 1;
                int slash = item.indexOf('/');
                if (slash >= 0) {
                    step = Integer.parseInt(item.substring(slash + 1).trim());
                    if (step < 1) {
                        throw new IllegalArgumentException("an increment must be at least 1");
                    }
                    item = item.substring(0, slash).trim();
                }
                int from;
                int to;
                if (item.equals("*")) {
                    from = min;
                    to = max;
                } else if (item.indexOf('-') > 0) {
                    from = value(item.substring(0, item.indexOf('-')).trim(), names, min);
                    to = value(item.substring(item.indexOf('-') + 1).trim(), names, min);
                } else {
                    from = value(item, names, min);
                    to = slash >= 0 ? max : from;
                }
                if (from < min || to > max || from > to) {
                    throw new IllegalArgumentException("values must be " + min + " to " + max + " in ascending order");
                }
                for (int v = from; v <= to; v += step) {
                    values.set(v);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " = \"" + expression + "\": '" + part.trim()
                        + "' is not a value, range, list or increment"
                        + (part.contains("last") || part.contains("st") ? " ('Last' and ordinal days are not supported)" : ""), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " = \"" + expression + "\": " + e.getMessage(), e);
            }
        }
        return values;
    }

    private static int value(String text, List<String> names, int min) {
        if (names != null) {
            int index = names.indexOf(text);
            if (index >= 0) {
                return index + (min == 1 ? 1 : 0);
            }
        }
        return Integer.parseInt(text);
    }

    /**
     * The first matching instant strictly after {@code after}. The fields are read on the wall clock
     * of the schedule's zone; where that clock jumps, the rules of "Schedules across clock changes" in
     * docs/decisions.md apply: a matching local time that the clock skips fires once, shifted forward
     * by the length of the gap (as {@link ZonedDateTime#of} shifts it); a matching local time that the
     * clock shows twice fires at both instants when the hour field matches more than one hour, and
     * only at the earlier one when it names a single hour.
     *
     * @return the tick, or {@code null} when none comes within eight years
     */
    public Instant next(Instant after) {
        ZoneRules rules = zone.getRules();
        Instant from = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant horizon = from.plus(HORIZON_DAYS, ChronoUnit.DAYS);
        // the clock runs at one offset from one transition to the next: search each such stretch in turn
        // previousTransition is strictly before its argument, and transitions fall on whole seconds
        ZoneOffsetTransition opening = rules.previousTransition(from.plusSeconds(1));
        Instant shifted = null;
        while (from.isBefore(horizon)) {
            ZoneOffsetTransition closing = rules.nextTransition(from);
            Instant end = closing == null || closing.getInstant().isAfter(horizon) ? horizon : closing.getInstant();
            shifted = earlier(shifted, skippedTick(opening, from));
            Instant tick = earlier(shifted, clockTick(opening, rules.getOffset(from), from, end));
            if (tick != null && tick.isBefore(end)) {
                return tick;
            }
            from = end;
            opening = closing;
        }
        return shifted;
    }

    /** The first tick at or after {@code from} and before {@code end}, read on a clock at {@code offset}. */
    private Instant clockTick(ZoneOffsetTransition opening, ZoneOffset offset, Instant from, Instant end) {
        LocalDateTime start = LocalDateTime.ofInstant(from, offset);
        if (singleHour && opening != null && opening.isOverlap() && start.isBefore(opening.getDateTimeBefore())) {
            // the clock shows the repeated local times again: a schedule of one hour fired at their first showing
            start = opening.getDateTimeBefore();
        }
        LocalDateTime match = firstMatch(start, LocalDateTime.ofInstant(end, offset));
        return match == null ? null : match.toInstant(offset);
    }

    /** The first tick at or after {@code from} among the local times that a gap skips, shifted by the gap. */
    private Instant skippedTick(ZoneOffsetTransition opening, Instant from) {
        if (opening == null || !opening.isGap()) {
            return null;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, opening.getOffsetBefore());
        if (start.isBefore(opening.getDateTimeBefore())) {
            start = opening.getDateTimeBefore();
        }
        LocalDateTime match = firstMatch(start, opening.getDateTimeAfter());
        return match == null ? null : match.toInstant(opening.getOffsetBefore());
    }

    /** The first matching local date-time at or after {@code start} and before {@code end}. */
    private LocalDateTime firstMatch(LocalDateTime start, LocalDateTime end) {
        LocalDate last = end.toLocalDate();
        for (LocalDate day = start.toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!months.get(day.getMonthValue()) || !dayMatches(day)) {
                continue;
            }
            LocalTime time = firstTime(day.equals(start.toLocalDate()) ? start.toLocalTime() : LocalTime.MIDNIGHT);
            if (time != null) {
                LocalDateTime match = day.atTime(time);
                return match.isBefore(end) ? match : null;
            }
        }
        return null;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private boolean dayMatches(LocalDate day) {
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        if (!anyDayOfMonth && !anyDayOfWeek) {
            return dom || dow;
        }
        return dom && dow;
    }

    private LocalTime firstTime(LocalTime from) {
        for (int h = hours.nextSetBit(from.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
            boolean sameHour = h == from.getHour();
            for (int m = minutes.nextSetBit(sameHour ? from.getMinute() : 0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                boolean sameMinute = sameHour && m == from.getMinute();
                int s = seconds.nextSetBit(sameMinute ? from.getSecond() : 0);
                if (s >= 0) {
                    return LocalTime.of(h, m, s);
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
