package io.durable.cdi.internal;

import io.durable.api.PayloadException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.BinaryDataStrategy;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every payload the engine stores goes through here, as JSON via JSON-B: records, generics from the
 * declared type, {@code byte[]} as base64. No Java serialization anywhere.
 */
@ApplicationScoped
class JsonCodec {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withBinaryDataStrategy(BinaryDataStrategy.BASE_64)
            .withNullValues(Boolean.FALSE));

    String toJson(Object value, Type type, String what) {
        if (value == null) {
            return null;
        }
        try {
            return jsonb.toJson(value, type);
        } catch (RuntimeException e) {
            throw new PayloadException("Cannot write " + what + " of type " + type.getTypeName() + " as JSON: "
                    + e.getMessage() + ". Use a record or a class with getters, or a type JSON-B can bind.", e);
        }
    }

    Object fromJson(String json, Type type, String what) {
        if (json == null || "null".equals(json)) {
            return null;
        }
        try {
            return jsonb.fromJson(json, type);
        } catch (RuntimeException e) {
            throw new PayloadException("Cannot read " + what + " as " + type.getTypeName() + ": "
                    + rootMessage(e) + ". Send JSON that matches the declared type.", e);
        }
    }

    /**
     * A short hash of the arguments' JSON, or {@code null} when they cannot be written as JSON
     * (arguments need not be JSON-bindable; only results are journaled).
     */
    String argumentsHash(Object[] arguments) {
        if (arguments == null || arguments.length == 0) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(jsonb.toJson(arguments).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (RuntimeException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** The wrapper class of a primitive type, or the type itself. */
    static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // closing only releases caches; nothing to recover
        }
    }
}
