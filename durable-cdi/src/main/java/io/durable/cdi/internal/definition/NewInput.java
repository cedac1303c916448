package io.durable.cdi.internal.definition;

import io.durable.api.PayloadException;
import io.durable.cdi.internal.json.JsonCodec;
import io.durable.cdi.internal.json.JsonTypes;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.BinaryDataStrategy;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads input that arrives from outside (a start's input, a signal's payload) strictly, before
 * anything is stored: JSON of the wrong shape for the declared type, and members the type does not
 * have, are refused with a message that says what was expected. Values already journaled are read
 * back leniently by {@link JsonCodec}, so removing a field from a record does not break the replay of
 * old runs. Unknown members are refused through Yasson's {@code jsonb.fail-on-unknown-properties}
 * (the JSON-B of Payara, GlassFish, WildFly and Open Liberty); a JSON-B without it ignores them.
 */
@ApplicationScoped
public class NewInput {

    /** Yasson's setting; JSON-B 3.0 has no standard one. */
    static final String FAIL_ON_UNKNOWN = "jsonb.fail-on-unknown-properties";

    private final Jsonb strict = JsonbBuilder.create(new JsonbConfig()
            .withBinaryDataStrategy(BinaryDataStrategy.BASE_64)
            .withNullValues(Boolean.FALSE)
            .setProperty(FAIL_ON_UNKNOWN, Boolean.TRUE));

    /**
     * @param json the JSON as sent; {@code null}, blank or {@code null} JSON for no value
     * @param type the declared type
     * @param what names the value in messages, for example {@code the input of workflow order}
     * @return the value; for no value, an empty {@code Optional} where the type is one
     * @throws PayloadException when there is no value for a type that needs one, the JSON is malformed,
     *                          of another shape, has members the type lacks, or does not bind
     */
    public Object read(String json, Type type, String what) {
        boolean none = json == null || json.isBlank() || "null".equals(json.trim());
        if (none) {
            return emptyOrRefuse(type, what);
        }
        JsonValue value;
        try {
            value = Json.createReader(new StringReader(json)).readValue();
        } catch (JsonParsingException e) {
            throw new PayloadException("Cannot read " + what + " as " + type.getTypeName() + ": it is not JSON ("
                    + e.getMessage() + ")", e);
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return emptyOrRefuse(type, what);
        }
        Shape expected = Shape.of(type);
        if (!expected.accepts(value.getValueType())) {
            throw new PayloadException(capitalized(what) + " must be " + expected.description + " for "
                    + type.getTypeName() + ", but is a JSON " + kind(value.getValueType())
                    + ". Send " + expected.description + ".", null);
        }
        // JSON-B converts between shapes (1 for a String, "x" for a boolean): every member is checked too
        MemberShapes.problem(value, type).ifPresent(problem -> {
            throw new PayloadException("Cannot read " + what + " as " + type.getTypeName() + ": " + problem
                    + ". Send JSON that matches the declared type.", null);
        });
        try {
            return strict.fromJson(json, JsonTypes.inJsonOrder(type));
        } catch (RuntimeException e) {
            throw new PayloadException("Cannot read " + what + " as " + type.getTypeName() + ": " + JsonCodec.rootMessage(e)
                    + ". Send JSON that matches the declared type, with no members it does not have.", e);
        }
    }

    /**
     * An object given as input: {@code null} is refused where the type needs a value.
     *
     * @return the value, or the empty {@code Optional} for {@code null} where the type is one
     */
    public Object check(Object value, Type type, String what) {
        return value == null ? emptyOrRefuse(type, what) : value;
    }

    private static Object emptyOrRefuse(Type type, String what) {
        Object empty = JsonCodec.emptyOf(type);
        if (empty == null) {
            throw new PayloadException(capitalized(what) + " is missing: it takes a " + type.getTypeName()
                    + ". Give one, or declare the parameter Optional<...> to make it optional.", null);
        }
        return empty;
    }

    static String kind(JsonValue.ValueType shape) {
        return shape == JsonValue.ValueType.TRUE || shape == JsonValue.ValueType.FALSE
                ? "boolean" : shape.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }


    /** The JSON shapes a declared type binds from. */
    enum Shape {
        ANY("any JSON value"),
        STRING("a JSON string"),
        NUMBER("a JSON number"),
        BOOLEAN("true or false"),
        ARRAY("a JSON array"),
        OBJECT("a JSON object");

        final String description;

        Shape(String description) {
            this.description = description;
        }

        boolean accepts(JsonValue.ValueType shape) {
            return switch (this) {
                case ANY -> true;
                case STRING -> shape == JsonValue.ValueType.STRING;
                case NUMBER -> shape == JsonValue.ValueType.NUMBER;
                case BOOLEAN -> shape == JsonValue.ValueType.TRUE || shape == JsonValue.ValueType.FALSE;
                case ARRAY -> shape == JsonValue.ValueType.ARRAY;
                case OBJECT -> shape == JsonValue.ValueType.OBJECT;
            };
        }

        static Shape of(Type type) {
            if (type instanceof GenericArrayType) {
                return ARRAY;
            }
            if (type instanceof ParameterizedType p) {
                Class<?> raw = (Class<?>) p.getRawType();
                return raw == Optional.class ? of(p.getActualTypeArguments()[0]) : of(raw);
            }
            if (!(type instanceof Class<?> c)) {
                return ANY;
            }
            Class<?> boxed = JsonCodec.boxed(c);
            if (boxed == OptionalInt.class || boxed == OptionalLong.class || boxed == OptionalDouble.class
                    || Number.class.isAssignableFrom(boxed)) {
                return NUMBER;
            }
            if (boxed == Boolean.class) {
                return BOOLEAN;
            }
            if (boxed == String.class || boxed == Character.class || boxed.isEnum() || boxed == UUID.class
                    || boxed == byte[].class || boxed == URI.class || Temporal.class.isAssignableFrom(boxed)
                    || boxed == Duration.class || boxed == Period.class || ZoneId.class.isAssignableFrom(boxed)) {
                return STRING;
            }
            if (boxed.isArray() || Collection.class.isAssignableFrom(boxed)) {
                return ARRAY;
            }
            if (boxed == Object.class || boxed == Optional.class || JsonValue.class.isAssignableFrom(boxed)) {
                return ANY;
            }
            return Map.class.isAssignableFrom(boxed) || boxed.isRecord() || !boxed.getName().startsWith("java.")
                    ? OBJECT : ANY;
        }
    }

    @PreDestroy
    void close() {
        try {
            strict.close();
        } catch (Exception e) {
            // closing only releases caches; nothing to recover
        }
    }
}
