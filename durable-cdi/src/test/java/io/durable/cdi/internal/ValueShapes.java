package io.durable.cdi.internal;

import io.durable.cdi.internal.json.JsonTypes;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.durable.cdi.internal.json.JsonTypes.parameterized;

/**
 * The shapes of values the journal must give back equal: the Optional family (empty and present,
 * alone and inside records and collections), chars, float and double edge values, java.time values
 * with offsets and nanoseconds, BigDecimal scales, big integers, enums, ordered and unordered
 * collections, arrays, bytes, strings with any Unicode, and {@code null}.
 */
public final class ValueShapes {

    private ValueShapes() {
    }

    public enum Colour { RED, GREEN }

    public record Item(String name, Optional<String> note, OptionalInt count) {
    }

    public record Blob(String id, byte[] data, List<Optional<Integer>> sizes, Map<String, Optional<String>> tags,
                       OptionalLong version, OptionalDouble score) {
    }

    /** Declares its map as {@code LinkedHashMap}: the declared type is what keeps a field's order. */
    public record Catalogue(LinkedHashMap<String, List<Item>> sections, Optional<List<Item>> featured, Colour colour,
                            BigDecimal price, char grade) {
    }

    /** A plain class that keeps {@code Object.equals}: compared by what JSON-B sees of it. */
    public static class Bean {
        private String label;
        private List<Integer> values;

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public List<Integer> getValues() {
            return values;
        }

        public void setValues(List<Integer> values) {
            this.values = values;
        }
    }

    /**
     * One value and the type it is declared as.
     *
     * @param name  a name for messages and step names (letters, digits, dashes)
     * @param type  the declared type
     * @param value the value
     */
    public record Shape(String name, Type type, Object value) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every shape; small enough for the engine tests' 1 KiB payload limit. */
    public static List<Shape> all() {
        List<Shape> shapes = new ArrayList<>();
        Type optionalString = parameterized(Optional.class, String.class);
        shapes.add(new Shape("optional-empty", optionalString, Optional.empty()));
        shapes.add(new Shape("optional-present", optionalString, Optional.of("x")));
        shapes.add(new Shape("optional-empty-string", optionalString, Optional.of("")));
        shapes.add(new Shape("optional-list-empty", parameterized(Optional.class, parameterized(List.class, Item.class)),
                Optional.empty()));
        shapes.add(new Shape("optional-int-empty", OptionalInt.class, OptionalInt.empty()));
        shapes.add(new Shape("optional-int", OptionalInt.class, OptionalInt.of(-7)));
        shapes.add(new Shape("optional-long-empty", OptionalLong.class, OptionalLong.empty()));
        shapes.add(new Shape("optional-long", OptionalLong.class, OptionalLong.of(Long.MAX_VALUE)));
        shapes.add(new Shape("optional-double-empty", OptionalDouble.class, OptionalDouble.empty()));
        shapes.add(new Shape("optional-double", OptionalDouble.class, OptionalDouble.of(0.1)));
        shapes.add(new Shape("item-empties", Item.class, new Item("a", Optional.empty(), OptionalInt.empty())));
        shapes.add(new Shape("item-present", Item.class, new Item("b", Optional.of("n"), OptionalInt.of(0))));
        shapes.add(new Shape("list-of-optionals", parameterized(List.class, optionalString),
                Arrays.asList(Optional.empty(), Optional.of("a"), Optional.empty())));
        shapes.add(new Shape("blob", Blob.class, blob()));
        shapes.add(new Shape("catalogue", Catalogue.class, catalogue()));
        shapes.add(new Shape("map-of-lists", parameterized(Map.class, String.class, parameterized(List.class, Item.class)),
                catalogue().sections()));
        shapes.add(new Shape("char", char.class, 'x'));
        shapes.add(new Shape("char-nul", Character.class, '\0'));
        shapes.add(new Shape("char-lone-surrogate", Character.class, '\uD83D'));
        shapes.add(new Shape("double-minus-zero", double.class, -0.0d));
        shapes.add(new Shape("double-tenth", Double.class, 0.1d));
        shapes.add(new Shape("double-min", Double.class, Double.MIN_VALUE));
        shapes.add(new Shape("double-max", Double.class, Double.MAX_VALUE));
        shapes.add(new Shape("float-tenth", float.class, 0.1f));
        shapes.add(new Shape("float-max", Float.class, Float.MAX_VALUE));
        shapes.add(new Shape("instant-nanos", Instant.class, Instant.parse("2026-03-01T10:00:00.123456789Z")));
        shapes.add(new Shape("instant-max", Instant.class, Instant.parse("+1000000-12-31T23:59:59.999999999Z")));
        shapes.add(new Shape("local-date", LocalDate.class, LocalDate.of(2024, 2, 29)));
        shapes.add(new Shape("duration-nanos", Duration.class, Duration.ofSeconds(3, 5)));
        shapes.add(new Shape("duration-negative", Duration.class, Duration.ofSeconds(-3, 5)));
        shapes.add(new Shape("offset-date-time", OffsetDateTime.class,
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123456789, ZoneOffset.ofHoursMinutes(5, 30))));
        shapes.add(new Shape("zoned-date-time", ZonedDateTime.class,
                ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 1, ZoneId.of("Europe/Paris"))));
        shapes.add(new Shape("big-decimal-scale", BigDecimal.class, new BigDecimal("1.10")));
        shapes.add(new Shape("big-decimal-zero-scale", BigDecimal.class, new BigDecimal("-0.000")));
        shapes.add(new Shape("big-decimal-huge", BigDecimal.class, new BigDecimal("1E+400")));
        shapes.add(new Shape("big-decimal-precise", BigDecimal.class,
                new BigDecimal("123456789012345678901234567890.123456789012345678901234567890")));
        shapes.add(new Shape("big-integer", BigInteger.class, new BigInteger("-123456789012345678901234567890123")));
        shapes.add(new Shape("long-max", long.class, Long.MAX_VALUE));
        shapes.add(new Shape("long-min", Long.class, Long.MIN_VALUE));
        shapes.add(new Shape("long-past-2-53", Long.class, (1L << 53) + 1));
        shapes.add(new Shape("enum", Colour.class, Colour.GREEN));
        shapes.add(new Shape("list-order", parameterized(List.class, Integer.class), List.of(3, 1, 2)));
        shapes.add(new Shape("empty-list", parameterized(List.class, String.class), List.of()));
        shapes.add(new Shape("set-order", parameterized(Set.class, String.class),
                new LinkedHashSet<>(List.of("z", "a", "m", "b", "q"))));
        shapes.add(new Shape("tree-set", parameterized(TreeSet.class, String.class),
                new TreeSet<>(List.of("b", "a", "c"))));
        shapes.add(new Shape("map-order", parameterized(Map.class, String.class, Integer.class), zam()));
        shapes.add(new Shape("map-int-keys", parameterized(Map.class, Integer.class, String.class),
                new LinkedHashMap<>(Map.of(3, "c"))));
        shapes.add(new Shape("sorted-map", parameterized(SortedMap.class, String.class, Integer.class), new TreeMap<>(zam())));
        shapes.add(new Shape("int-array", int[].class, new int[]{3, -1, 0}));
        shapes.add(new Shape("string-array-with-null", String[].class, new String[]{"a", null, ""}));
        shapes.add(new Shape("nested-array", int[][].class, new int[][]{{1}, {}, {2, 3}}));
        shapes.add(new Shape("bytes", byte[].class, allBytes()));
        shapes.add(new Shape("bytes-empty", byte[].class, new byte[0]));
        shapes.add(new Shape("string-empty", String.class, ""));
        shapes.add(new Shape("string-unicode", String.class, "\u00e9\u4e2d\uD83D\uDE00\uD834\uDD1E\u2028\u200b\"\\/\t\n"));
        shapes.add(new Shape("string-nul", String.class, "a\u0000b\u0001"));
        shapes.add(new Shape("string-lone-high", String.class, "a\uD83Db"));
        shapes.add(new Shape("string-lone-low", String.class, "\uDE00a\uD83D"));
        shapes.add(new Shape("string-reversed-pair", String.class, "\uDE00\uD83D"));
        shapes.add(new Shape("bean", Bean.class, bean()));
        shapes.add(new Shape("null", Item.class, null));
        return shapes;
    }

    private static Blob blob() {
        Map<String, Optional<String>> tags = new HashMap<>();
        tags.put("e", Optional.empty());
        tags.put("f", Optional.of("v"));
        return new Blob("b-1", new byte[]{0, 1, -1, 127, -128}, Arrays.asList(Optional.empty(), Optional.of(2)), tags,
                OptionalLong.empty(), OptionalDouble.of(-0.0));
    }

    private static Catalogue catalogue() {
        LinkedHashMap<String, List<Item>> sections = new LinkedHashMap<>();
        sections.put("zeta", List.of(new Item("z1", Optional.empty(), OptionalInt.of(1))));
        sections.put("alpha", List.of());
        sections.put("mu", List.of(new Item("m1", Optional.of("\uD83D\uDE00"), OptionalInt.empty()),
                new Item("m2", Optional.empty(), OptionalInt.empty())));
        return new Catalogue(sections, Optional.of(List.of(new Item("f", Optional.empty(), OptionalInt.empty()))),
                Colour.RED, new BigDecimal("19.90"), '\u00e9');
    }

    private static Map<String, Integer> zam() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", 2);
        map.put("m", 3);
        return map;
    }

    private static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static Bean bean() {
        Bean bean = new Bean();
        bean.setLabel("l");
        bean.setValues(List.of(1, 2));
        return bean;
    }
}
