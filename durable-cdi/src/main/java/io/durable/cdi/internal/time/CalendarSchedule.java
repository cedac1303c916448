package io.durable.cdi.internal.time;

import io.durable.api.WorkflowSchedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
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
    private final ZoneId zone;
    private final String text;

    private CalendarSchedule(WorkflowSchedule s) {
        seconds = field("second", s.second(), 0, 59, null);
        minutes = field("minute", s.minute(), 0, 59, null);
        hours = field("hour", s.hour(), 0, 23, null);
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
     * The first matching instant strictly after {@code after}.
     *
     * @return the tick, or {@code null} when none comes within eight years
     */
    public Instant next(Instant after) {
        ZonedDateTime start = after.atZone(zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        LocalDate day = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1), from = LocalTime.MIDNIGHT) {
            if (!months.get(day.getMonthValue()) || !dayMatches(day)) {
                continue;
            }
            LocalTime time = firstTime(from);
            if (time != null) {
                Instant tick = ZonedDateTime.of(day, time, zone).toInstant();
                if (tick.isAfter(after)) {
                    return tick;
                }
            }
        }
        return null;
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
