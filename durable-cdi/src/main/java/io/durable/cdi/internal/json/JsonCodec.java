package io.durable.cdi.internal.json;

import io.durable.api.PayloadException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.BinaryDataStrategy;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.StringWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Every payload the engine stores goes through here, as JSON via JSON-B: records, generics from the
 * declared type, {@code byte[]} as base64. No Java serialization anywhere.
 *
 * <p>What the engine reads back must equal what the code first returned: {@link #toJournal} reads
 * each new payload back and refuses it when the copy differs. The JSON it writes is plain ASCII
 * escapes for every character a database could mangle (U+0000 and lone surrogates), an empty
 * {@code Optional} is the JSON {@code null} and reads back as an empty {@code Optional}, and a map
 * or set declared as the interface reads back in the JSON's order.
 */
@ApplicationScoped
public class JsonCodec {

    /**
     * Classes whose every value JSON-B writes and reads back equal, so the check can skip them.
     * Not java.time: {@code Instant.MIN} is written but cannot be read back.
     */
    private static final Set<Class<?>> EXACT = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class,
            UUID.class, byte[].class);

    private static final String EXACT_HINT = " Return a value whose JSON reads back equal (records, strings, "
            + "numbers, enums, java.time values, List, LinkedHashMap, Optional.empty() rather than a null Optional), "
            + "or convert it in the step.";

    /** Argument classes that {@link #argumentsJson} writes without JSON-B. */
    private static final Set<Class<?>> SCALAR_ARGUMENTS = Set.of(String.class, Boolean.class, Integer.class,
            Long.class);

    private final JsonGeneratorFactory generators = Json.createGeneratorFactory(Map.of());

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withBinaryDataStrategy(BinaryDataStrategy.BASE_64)
            .withNullValues(Boolean.FALSE));

    /**
     * Writes a payload as JSON, without checking that it reads back equal: for engine values and for
     * payloads that were just read from JSON.
     *
     * @return the JSON, or {@code null} for a {@code null} value
     * @throws PayloadException when JSON-B cannot write it (NaN and infinite numbers included)
     */
    public String toJson(Object value, Type type, String what) {
        if (value == null) {
            return null;
        }
        String json;
        try {
            json = jsonb.toJson(value, type);
        } catch (RuntimeException e) {
            Optional<String> nonFinite = nonFinite(value);
            if (nonFinite.isPresent()) {
                throw new PayloadException("Cannot write " + what + " of type " + type.getTypeName() + " as JSON: "
                        + "JSON has no NaN or Infinity, and " + nonFinite.get() + " is one. Return null, a "
                        + "BigDecimal or a String there, or handle the non-finite number in the step.", e);
            }
            throw new PayloadException("Cannot write " + what + " of type " + type.getTypeName() + " as JSON: "
                    + e.getMessage() + ". Use a record or a class with getters, or a type JSON-B can bind.", e);
        }
        return escapeLoneSurrogates(json);
    }

    /**
     * Writes a payload the engine will read back (a step's result, a run's input or output, a
     * signal's payload) and reads it back at once: a value whose copy is not equal is refused now,
     * at its first execution, instead of changing under a replay.
     *
     * @return the JSON, or {@code null} for a {@code null} value
     * @throws PayloadException when it cannot be written, or would not read back equal; the message
     *                          names {@code what}, the type and the first difference
     */
    public String toJournal(Object value, Type type, String what) {
        String json = toJson(value, type, what);
        if (json == null || type instanceof Class<?> c && EXACT.contains(boxed(c)) && value.getClass() == boxed(c)) {
            return json;
        }
        Object copy;
        try {
            copy = fromJson(json, type, what);
        } catch (PayloadException e) {
            throw new PayloadException("Cannot journal " + what + " of type " + type.getTypeName() + ": JSON-B "
                    + "writes it as " + SameValue.show(json) + " but cannot read that back (" + e.getMessage() + ")."
                    + EXACT_HINT, e);
        }
        Optional<String> difference;
        try {
            difference = SameValue.difference(value, copy, this::sameJson);
        } catch (RuntimeException e) {
            throw new PayloadException("Cannot journal " + what + " of type " + type.getTypeName() + ": comparing it "
                    + "with its copy read back from JSON failed with " + e + "." + EXACT_HINT, e);
        }
        if (difference.isPresent()) {
            throw new PayloadException("Cannot journal " + what + " of type " + type.getTypeName() + ": a replay "
                    + "would not get an equal value, " + difference.get() + "." + EXACT_HINT, null);
        }
        return json;
    }

    /**
     * Reads journaled JSON as the declared type, as leniently as JSON-B does: rows written before
     * the round-trip check read back as they always did (except that a JSON {@code null} for an
     * {@code Optional} is an empty {@code Optional}, not {@code null}).
     *
     * @return the value; {@code null} for no JSON
     * @throws PayloadException when the JSON is malformed or does not bind to the type
     */
    public Object fromJson(String json, Type type, String what) {
        if (json == null) {
            return null;
        }
        if ("null".equals(json)) {
            return emptyOf(type);
        }
        try {
            return jsonb.fromJson(json, JsonTypes.inJsonOrder(type));
        } catch (RuntimeException e) {
            throw new PayloadException("Cannot read " + what + " as " + type.getTypeName() + ": "
                    + rootMessage(e) + ". Send JSON that matches the declared type.", e);
        }
    }

    /**
     * A short hash of the arguments' JSON, or {@code null} when they cannot be written as JSON
     * (arguments need not be JSON-bindable; only results are journaled).
     */
    public String argumentsHash(Object[] arguments) {
        if (arguments == null || arguments.length == 0) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(argumentsJson(arguments).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (RuntimeException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /**
     * The arguments as the JSON array JSON-B writes for them. Arguments that are all strings, booleans,
     * ints and longs (the usual step arguments) are written with the JSON-P generator JSON-B itself
     * writes with, which gives the same text without JSON-B's per-call work; anything else goes through
     * JSON-B. The text must not change between versions: journaled hashes are compared on replay.
     */
    String argumentsJson(Object[] arguments) {
        for (Object argument : arguments) {
            if (argument == null || !SCALAR_ARGUMENTS.contains(argument.getClass())) {
                return jsonb.toJson(arguments);
            }
        }
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = generators.createGenerator(json)) {
            generator.writeStartArray();
            for (Object argument : arguments) {
                if (argument instanceof String text) {
                    generator.write(text);
                } else if (argument instanceof Boolean flag) {
                    generator.write(flag);
                } else if (argument instanceof Integer number) {
                    generator.write(number);
                } else {
                    generator.write((Long) argument);
                }
            }
            generator.writeEnd();
        }
        return json.toString();
    }

    /** Whether two values of a class without its own {@code equals} look the same to JSON-B. */
    private boolean sameJson(Object a, Object b) {
        return jsonb.toJson(a).equals(jsonb.toJson(b));
    }

    /**
     * The value a JSON {@code null} stands for: the empty value of the {@code Optional} family
     * (JSON-B writes an empty one as {@code null}), else {@code null}.
     */
    public static Object emptyOf(Type type) {
        Type raw = type instanceof ParameterizedType p ? p.getRawType() : type;
        if (raw == Optional.class) {
            return Optional.empty();
        }
        if (raw == OptionalInt.class) {
            return OptionalInt.empty();
        }
        if (raw == OptionalLong.class) {
            return OptionalLong.empty();
        }
        if (raw == OptionalDouble.class) {
            return OptionalDouble.empty();
        }
        return null;
    }

    /**
     * Writes each lone surrogate as a JSON escape. JSON-B leaves it raw in the text, and a database
     * encoding the text as UTF-8 turns it into '?'; escaped, the text is valid Unicode and reads back
     * to the same string. Outside strings JSON is ASCII, so only string contents change.
     */
    static String escapeLoneSurrogates(String json) {
        int i = 0;
        while (i < json.length() && !Character.isSurrogate(json.charAt(i))) {
            i++;
        }
        if (i == json.length()) {
            return json;
        }
        StringBuilder escaped = new StringBuilder(json.length() + 16).append(json, 0, i);
        for (; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                escaped.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static Optional<String> nonFinite(Object value) {
        try {
            return SameValue.nonFinite(value);
        } catch (RuntimeException e) {
            return Optional.empty(); // only a better message was at stake
        }
    }

    /** The wrapper class of a primitive type, or the type itself. */
    public static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    }

    /**
     * The message of the innermost cause, or its class name when it has none: what a failure's wrappers
     * (JPA, the JDBC driver, JSON-B) leave of the reason.
     *
     * @param e the failure
     * @return the reason, for a message
     */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @PreDestroy
    public void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // closing only releases caches; nothing to recover
        }
    }
}
