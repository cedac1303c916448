package io.durable.sample.values;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The shapes users return from steps, in one value, as the container's JSON-B journals them. */
public record Shapes(Optional<String> empty, Optional<String> present, OptionalInt count, int primitive, Long boxed,
                     long big, Instant instant, LocalDate date, Duration duration, OffsetDateTime offset,
                     BigDecimal amount, Colour colour, TreeMap<String, List<Item>> nested, List<Integer> list,
                     TreeSet<String> set, Map<String, Integer> map, int[] numbers, byte[] bytes, String text,
                     String absent) {

    /** An enum value. */
    public enum Colour { RED, GREEN }

    /** A nested record. */
    public record Item(String name, Optional<Integer> quantity) {
    }

    /** The value the step returns, built the same way every time. */
    public static Shapes sample() {
        TreeMap<String, List<Item>> nested = new TreeMap<>();
        nested.put("b", List.of(new Item("x", Optional.of(2)), new Item("y", Optional.empty())));
        nested.put("a", List.of());
        return new Shapes(Optional.empty(), Optional.of("here"), OptionalInt.of(7), 42, 9_007_199_254_740_993L,
                Long.MIN_VALUE, Instant.parse("2026-10-25T00:45:00.123456789Z"), LocalDate.of(2026, 2, 28),
                Duration.ofMillis(1_500), OffsetDateTime.of(2026, 3, 29, 2, 30, 0, 1, ZoneOffset.ofHours(2)),
                new BigDecimal("1.10"), Colour.GREEN, nested, List.of(3, 1, 2), new TreeSet<>(Set.of("z", "a")),
                Map.of("k", 1), new int[]{1, 2, 3}, new byte[]{0, -1, 127}, "Grüße \uD83D\uDE00 \u0000 \"quoted\"", null);
    }

    /** Where this value differs from {@link #sample()}, or {@code "equal"}. */
    public String comparedWithSample() {
        Shapes expected = sample();
        Shapes withoutArrays = new Shapes(empty, present, count, primitive, boxed, big, instant, date, duration, offset,
                amount, colour, nested, list, set, map, null, null, text, absent);
        Shapes expectedWithoutArrays = new Shapes(expected.empty, expected.present, expected.count, expected.primitive,
                expected.boxed, expected.big, expected.instant, expected.date, expected.duration, expected.offset,
                expected.amount, expected.colour, expected.nested, expected.list, expected.set, expected.map, null,
                null, expected.text, expected.absent);
        if (!withoutArrays.equals(expectedWithoutArrays)) {
            return "differs: " + withoutArrays + " vs " + expectedWithoutArrays;
        }
        if (!Arrays.equals(numbers, expected.numbers) || !Arrays.equals(bytes, expected.bytes)) {
            return "arrays differ: " + Arrays.toString(numbers) + " " + Arrays.toString(bytes);
        }
        return "equal";
    }
}
