package io.durable.ops.api;

import io.durable.api.Limit;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies of the operator API: at most a bounded number of bytes (a larger body is
 * refused while it arrives, not after it was buffered whole), UTF-8, JSON only.
 */
final class Bodies {

    /** The largest signal payload accepted over HTTP, in bytes. */
    static final int MAX_PAYLOAD = 64 * 1024;
    /** The largest action body ({@code {"reason": ...}}) accepted, in bytes: a reason of {@link Limit#REASON} fits. */
    static final int MAX_ACTION_BODY = 8 * 1024;

    private Bodies() {
    }

    /**
     * Reads a body.
     *
     * @param in       the body
     * @param type     its declared media type, or {@code null}
     * @param maxBytes the largest body accepted
     * @param what     what the body is, for messages
     * @return the body as text, empty when there is none
     * @throws PayloadTooLargeException  when it is longer than {@code maxBytes}
     * @throws UnsupportedMediaTypeException when a body is not declared as JSON
     * @throws InvalidParameterException when it is not UTF-8
     */
    static String read(InputStream in, MediaType type, int maxBytes, String what) {
        byte[] bytes;
        try {
            bytes = in == null ? new byte[0] : in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the " + what, e);
        }
        if (bytes.length > maxBytes) {
            throw new PayloadTooLargeException(what, maxBytes);
        }
        if (bytes.length > 0 && type != null && !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            throw new UnsupportedMediaTypeException(what);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidParameterException("body", "the " + what + " must be UTF-8 text");
        }
    }

    /**
     * The reason of an action body {@code {"reason": "..."}}; other fields (an {@code actor} of older
     * clients among them) are ignored: the actor is always the authenticated caller.
     *
     * @param body the body, empty or blank for none
     * @return the reason, empty when none was given
     * @throws InvalidParameterException when the body is no JSON object or the reason is no string
     * @throws io.durable.api.LimitExceededException when the reason is longer than {@link Limit#REASON}
     */
    static String reason(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new InvalidParameterException("body", "must be a JSON object such as {\"reason\": \"...\"}");
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidParameterException("body", "must be a JSON object such as {\"reason\": \"...\"}");
        }
        JsonValue reason = object.get("reason");
        if (reason == null || reason == JsonValue.NULL) {
            return "";
        }
        if (!(reason instanceof JsonString text)) {
            throw new InvalidParameterException("reason", "must be a string");
        }
        return Limit.REASON.check(text.getString());
    }
}
