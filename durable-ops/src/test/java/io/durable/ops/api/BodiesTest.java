package io.durable.ops.api;

import io.durable.api.LimitExceededException;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BodiesTest {

    private static final MediaType JSON = new MediaType("application", "json");

    @Test
    void a_body_of_64_kib_is_read_and_one_byte_more_is_refused_while_it_arrives() {
        String payload = "\"" + "a".repeat(Bodies.MAX_PAYLOAD - 2) + "\"";
        assertEquals(payload, Bodies.read(stream(payload), JSON, Bodies.MAX_PAYLOAD, "signal payload"));

        CountingStream endless = new CountingStream();
        assertThrows(PayloadTooLargeException.class,
                () -> Bodies.read(endless, JSON, Bodies.MAX_PAYLOAD, "signal payload"));
        assertEquals(Bodies.MAX_PAYLOAD + 1, endless.read, "read no further than one byte past the limit");
    }

    @Test
    void a_body_must_be_json_utf_8_while_an_empty_one_may_come_without_a_type() {
        assertEquals("", Bodies.read(stream(""), new MediaType("application", "x-www-form-urlencoded"), 100, "body"));
        assertEquals("{}", Bodies.read(stream("{}"), null, 100, "body"));
        assertEquals("{}", Bodies.read(stream("{}"), new MediaType("application", "json", "UTF-8"), 100, "body"));
        assertThrows(UnsupportedMediaTypeException.class,
                () -> Bodies.read(stream("reason=x"), new MediaType("application", "x-www-form-urlencoded"), 100, "body"));
        assertThrows(UnsupportedMediaTypeException.class,
                () -> Bodies.read(stream("{}"), new MediaType("text", "plain"), 100, "body"));
        assertThrows(InvalidParameterException.class,
                () -> Bodies.read(new ByteArrayInputStream(new byte[] {'"', (byte) 0xC3, '"'}), JSON, 100, "body"));
    }

    @Test
    void the_reason_comes_from_a_json_object_and_an_actor_field_is_ignored() {
        assertEquals("", Bodies.reason(""));
        assertEquals("", Bodies.reason("{}"));
        assertEquals("", Bodies.reason("{\"reason\":null}"));
        assertEquals("checking", Bodies.reason("{\"reason\":\"checking\",\"actor\":\"mallory\"}"));
        assertThrows(InvalidParameterException.class, () -> Bodies.reason("{\"reason\":"));
        assertThrows(InvalidParameterException.class, () -> Bodies.reason("[\"reason\"]"));
        assertThrows(InvalidParameterException.class, () -> Bodies.reason("{\"reason\":42}"));
        assertThrows(LimitExceededException.class, () -> Bodies.reason("{\"reason\":\"" + "r".repeat(1001) + "\"}"));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A body that never ends, counting what was read of it. */
    private static final class CountingStream extends InputStream {
        int read;

        @Override
        public int read() {
            read++;
            return 'a';
        }
    }
}
