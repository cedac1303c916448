package io.durable.cdi.internal.json;

import io.durable.api.PayloadException;
import io.durable.cdi.internal.ValueShapes;
import io.durable.cdi.internal.ValueShapes.Item;
import io.durable.cdi.internal.ValueShapes.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

import static io.durable.cdi.internal.json.JsonTypes.parameterized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The codec alone: every shape reads back equal, and what cannot is refused when first written. */
public class JsonCodecRoundTripTest {

    private static final JsonCodec CODEC = new JsonCodec();

    @AfterAll
    static void close() {
        CODEC.close();
    }

    static List<Shape> shapes() {
        return ValueShapes.all();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void every_shape_reads_back_equal_with_its_order_scale_and_class(Shape shape) {
        String json = CODEC.toJournal(shape.value(), shape.type(), "shape " + shape.name());

        Object back = CODEC.fromJson(json, shape.type(), "shape " + shape.name());

        assertEquals(describe(shape.value()), describe(back), () -> shape.name() + " as " + json);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void the_json_of_every_shape_is_valid_unicode_a_database_keeps(Shape shape) {
        String json = CODEC.toJournal(shape.value(), shape.type(), "shape " + shape.name());
        if (json == null) {
            return;
        }
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            assertTrue(c >= 0x20, () -> shape.name() + " has a raw control character: " + json);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < json.length() && Character.isLowSurrogate(json.charAt(++i)), json);
            } else {
                assertFalse(Character.isLowSurrogate(c), json);
            }
        }
    }

    @Test
    void an_empty_optional_is_the_json_null_and_reads_back_empty_not_null() {
        var type = parameterized(Optional.class, String.class);
        String json = CODEC.toJournal(Optional.empty(), type, "an optional");

        assertEquals("null", json);
        assertEquals(Optional.empty(), CODEC.fromJson(json, type, "an optional"));
        assertEquals(OptionalInt.empty(), CODEC.fromJson("null", OptionalInt.class, "an optional"));
        assertEquals(OptionalDouble.empty(), CODEC.fromJson("null", OptionalDouble.class, "an optional"));
        assertNull(CODEC.toJournal(null, type, "an optional"), "a null Optional stays no JSON at all");
        assertNull(CODEC.fromJson(null, type, "an optional"));
    }

    @Test
    void nul_and_lone_surrogates_are_escaped_so_the_text_is_ascii_safe() {
        assertEquals("\"a\\u0000b\"", CODEC.toJournal("a\u0000b", String.class, "a string"));
        assertEquals("\"a\\ud83db\"", CODEC.toJournal("a\uD83Db", String.class, "a string"));
        assertEquals("\"\\ude00\\ud83d\"", CODEC.toJournal("\uDE00\uD83D", String.class, "a string"));
        assertEquals("\"\uD83D\uDE00\"", CODEC.toJournal("\uD83D\uDE00", String.class, "a string"));
    }

    @Test
    void nan_and_infinity_are_refused_naming_where_they_are() {
        PayloadException nan = assertThrows(PayloadException.class,
                () -> CODEC.toJournal(Double.NaN, double.class, "the result of step score#1"));
        assertTrue(nan.getMessage().contains("the result of step score#1"), nan.getMessage());
        assertTrue(nan.getMessage().contains("NaN or Infinity"), nan.getMessage());

        record Reading(String sensor, float value) {
        }
        PayloadException inRecord = assertThrows(PayloadException.class, () -> CODEC.toJournal(
                List.of(new Reading("a", 1f), new Reading("b", Float.NEGATIVE_INFINITY)),
                parameterized(List.class, Reading.class), "the result of step read#1"));
        assertTrue(inRecord.getMessage().contains("$[1].value"), inRecord.getMessage());
    }

    @Test
    void a_null_optional_inside_a_record_is_refused_at_the_first_write() {
        PayloadException e = assertThrows(PayloadException.class, () -> CODEC.toJournal(
                new Item("a", null, OptionalInt.empty()), Item.class, "the result of step find#1"));

        assertTrue(e.getMessage().contains("the result of step find#1"), e.getMessage());
        assertTrue(e.getMessage().contains(Item.class.getTypeName()), e.getMessage());
        assertTrue(e.getMessage().contains("$.note was null and reads back as 'Optional.empty'"), e.getMessage());
        assertTrue(e.getMessage().contains("Optional.empty() rather than a null Optional"), e.getMessage());
    }

    public record Counts(Map<String, Integer> byName) {
    }

    @Test
    void an_ordered_map_in_a_field_declared_as_map_is_refused_as_its_order_would_change() {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        ordered.put("z", 1);
        ordered.put("a", 2);
        ordered.put("m", 3);

        PayloadException e = assertThrows(PayloadException.class,
                () -> CODEC.toJournal(new Counts(ordered), Counts.class, "the result of step count#1"));
        assertTrue(e.getMessage().contains("$.byName is a LinkedHashMap whose order"), e.getMessage());
        assertTrue(e.getMessage().contains("declare the type as LinkedHashMap"), e.getMessage());

        // a HashMap promises no order: accepted
        CODEC.toJournal(new Counts(new HashMap<>(ordered)), Counts.class, "the result of step count#1");
        // at the top level a declared Map reads back in the JSON's order
        var mapType = parameterized(Map.class, String.class, Integer.class);
        Object back = CODEC.fromJson(CODEC.toJournal(ordered, mapType, "a map"), mapType, "a map");
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(((Map<?, ?>) back).keySet()));
    }

    @Test
    void a_raw_collection_is_refused_as_its_elements_read_back_as_other_types() {
        PayloadException e = assertThrows(PayloadException.class,
                () -> CODEC.toJournal(List.of(1, 2), List.class, "the result of step ids#1"));
        assertTrue(e.getMessage().contains("$[0] was '1' (Integer) and reads back as '1' (BigDecimal)"),
                e.getMessage());
    }

    @Test
    void a_lambda_step_declared_as_object_is_refused_not_silently_changed() {
        PayloadException e = assertThrows(PayloadException.class,
                () -> CODEC.toJournal(42, Object.class, "the result of step answer#1"));
        assertTrue(e.getMessage().contains("$ was '42' (Integer) and reads back as"), e.getMessage());
    }

    @Test
    void a_value_json_b_writes_but_cannot_read_is_refused_at_the_first_write() {
        PayloadException e = assertThrows(PayloadException.class,
                () -> CODEC.toJournal(java.time.Instant.MIN, java.time.Instant.class, "the result of step begin#1"));
        assertTrue(e.getMessage().contains("the result of step begin#1 of type java.time.Instant"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot read that back"), e.getMessage());
    }

    @Test
    void journaled_rows_read_back_as_leniently_as_before() {
        // a lone surrogate written raw by an older version, unknown fields, numbers as JSON-B always read them
        assertEquals("a\uD83Db", CODEC.fromJson("\"a\uD83Db\"", String.class, "an old row"));
        assertEquals(new Item("a", Optional.of("n"), OptionalInt.empty()),
                CODEC.fromJson("{\"name\":\"a\",\"note\":\"n\",\"removed\":true}", Item.class, "an old row"));
        assertEquals(new BigDecimal("1.10"), CODEC.fromJson("1.10", BigDecimal.class, "an old row"));
        assertEquals(3L, CODEC.fromJson("3.0", Long.class, "an old row"));
        assertNull(CODEC.fromJson("null", String.class, "an old row"));
        assertEquals(Optional.empty(), CODEC.fromJson("null", Optional.class, "an old row"));
    }

    /**
     * A strict text of a value, independent of the code under test: classes, scales, the sign of
     * zero, each char's code, and the iteration order of lists and of ordered sets and maps.
     */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Optional<?> o) {
            return o.map(v -> "Optional[" + describe(v) + "]").orElse("Optional.empty");
        }
        if (value.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                parts.add(describe(Array.get(value, i)));
            }
            return value.getClass().getSimpleName() + parts;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, String> parts = m instanceof LinkedHashMap || m instanceof SortedMap ? new LinkedHashMap<>()
                    : new TreeMap<>();
            m.forEach((k, v) -> parts.put(describe(k), describe(v)));
            return (m instanceof SortedMap ? "SortedMap" : "Map") + parts;
        }
        if (value instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(e -> parts.add(describe(e)));
            if (c instanceof Set && !(c instanceof LinkedHashSet || c instanceof SortedSet)) {
                parts.sort(null);
            }
            return (c instanceof Set ? "Set" : "List") + parts;
        }
        if (value.getClass().isRecord()) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                parts.add(component.getName() + "=" + describe(invoke(component.getAccessor(), value)));
            }
            return value.getClass().getSimpleName() + parts;
        }
        if (value instanceof ValueShapes.Bean b) {
            return "Bean[" + b.getLabel() + "," + describe(b.getValues()) + "]";
        }
        if (value instanceof CharSequence || value instanceof Character) {
            StringBuilder codes = new StringBuilder(value.getClass().getSimpleName()).append('[');
            value.toString().chars().forEach(c -> codes.append(Integer.toHexString(c)).append(' '));
            return codes.append(']').toString();
        }
        if (value instanceof Double d) {
            return "Double[" + Long.toHexString(Double.doubleToRawLongBits(d)) + "]";
        }
        return value.getClass().getSimpleName() + "[" + value + "]";
    }

    private static Object invoke(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_description_used_here_tells_scale_sign_and_order_apart() {
        assertFalse(describe(new BigDecimal("1.1")).equals(describe(new BigDecimal("1.10"))));
        assertFalse(describe(0.0d).equals(describe(-0.0d)));
        assertFalse(describe(new LinkedHashSet<>(List.of("b", "a"))).equals(describe(new LinkedHashSet<>(List.of("a", "b")))));
        assertInstanceOf(String.class, describe(List.of(Optional.empty())));
    }
}
