package io.durable.sync;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParsingException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A deterministic SHA-256 of a record's content: the hash of its RFC 8785 canonical JSON
 * ({@link CanonicalJson}), as 64 lower-case hex digits. The same content hashes the same whatever
 * the order of its fields or the JSON library that produced it, so a sync stores the hash beside
 * each record and skips records whose hash did not change.
 *
 * <p>Objects are first turned into JSON with JSON-B (records, beans, maps, lists); a {@link JsonValue}
 * is used as it is.
 */
public final class ContentHash {

    private static final int NAME_LENGTH = 120;
    private static volatile Jsonb jsonb;

    private ContentHash() {
    }

    /**
     * The hash of a record, named by its own text in errors.
     *
     * @param record the record
     * @return 64 hex digits
     * @throws UnhashableRecordException when it has no canonical JSON form
     */
    public static String of(Object record) {
        return of(null, record);
    }

    /**
     * The hash of a record.
     *
     * @param label  names the record in errors (for example its external id), or {@code null} to use
     *               its type and text
     * @param record the record
     * @return 64 hex digits
     * @throws UnhashableRecordException when it has no canonical JSON form, naming the record
     */
    public static String of(String label, Object record) {
        return sha256(canonicalJson(label, record));
    }

    /**
     * The hash of a JSON text.
     *
     * @param label names the record in errors, or {@code null}
     * @param json  the JSON text
     * @return 64 hex digits
     * @throws UnhashableRecordException when the text is not JSON or has no canonical form
     */
    public static String ofJson(String label, String json) {
        try {
            return sha256(CanonicalJson.write(CanonicalJson.parse(json)));
        } catch (JsonParsingException | IllegalArgumentException e) {
            throw new UnhashableRecordException(label == null ? shorten(json) : label, e.getMessage(), e);
        }
    }

    /**
     * A record's canonical JSON.
     *
     * @param label  names the record in errors, or {@code null}
     * @param record the record
     * @return the canonical text
     * @throws UnhashableRecordException when it has none
     */
    public static String canonicalJson(String label, Object record) {
        try {
            JsonValue value = record instanceof JsonValue json ? json
                    : CanonicalJson.parse(jsonb().toJson(record));
            return CanonicalJson.write(value);
        } catch (RuntimeException e) {
            throw new UnhashableRecordException(name(label, record), e.getMessage() == null ? e.toString()
                    : e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new UnhashableRecordException(name(label, record), "it refers to itself (a cycle)", null);
        }
    }

    private static String sha256(String canonical) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String name(String label, Object record) {
        if (label != null) {
            return label;
        }
        if (record == null) {
            return "null";
        }
        String text;
        try {
            text = String.valueOf(record);
        } catch (RuntimeException | StackOverflowError e) {
            text = "(no text)";
        }
        return record.getClass().getSimpleName() + " " + shorten(text);
    }

    private static String shorten(String text) {
        return text.length() <= NAME_LENGTH ? text : text.substring(0, NAME_LENGTH) + "...";
    }

    private static Jsonb jsonb() {
        Jsonb instance = jsonb;
        if (instance == null) {
            synchronized (ContentHash.class) {
                if (jsonb == null) {
                    jsonb = JsonbBuilder.create();
                }
                instance = jsonb;
            }
        }
        return instance;
    }
}
