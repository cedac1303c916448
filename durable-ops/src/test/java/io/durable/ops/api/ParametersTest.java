package io.durable.ops.api;

import io.durable.api.Limit;
import io.durable.api.RunStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParametersTest {

    @Test
    void a_run_id_is_letters_digits_and_dashes_up_to_64() {
        assertEquals("0b7e-1", Parameters.runId("0b7e-1").value());
        for (String bad : new String[] {"", "a b", "x'; DROP TABLE durable_run; --", "../etc", "a".repeat(65), "ä"}) {
            assertThrows(InvalidParameterException.class, () -> Parameters.runId(bad), bad);
        }
        assertThrows(InvalidParameterException.class, () -> Parameters.runId(null));
    }

    @Test
    void a_limit_is_a_whole_number_within_its_bounds_and_the_message_names_them() {
        assertEquals(50, Parameters.bounded("limit", null, 50, 1, 200));
        assertEquals(1, Parameters.bounded("limit", "1", 50, 1, 200));
        assertEquals(200, Parameters.bounded("limit", "200", 50, 1, 200));
        for (String bad : new String[] {"0", "201", "-1", "abc", "1e3", "99999999999"}) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> Parameters.bounded("limit", bad, 50, 1, 200), bad);
            assertTrue(e.getMessage().contains("from 1 to 200"), e.getMessage());
        }
    }

    @Test
    void an_echoed_value_is_cut_and_shows_no_control_characters() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Parameters.bounded("limit", "1\n2" + "9".repeat(500), 50, 1, 200));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().length() < 150, e.getMessage());
    }

    @Test
    void times_are_iso_instants() {
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), Parameters.instant("from", "2026-11-30T10:00:00Z"));
        assertNull(Parameters.instant("from", " "));
        assertThrows(InvalidParameterException.class, () -> Parameters.instant("from", "yesterday"));
        assertThrows(InvalidParameterException.class, () -> Parameters.instant("from", "2026-11-30"));
    }

    @Test
    void a_status_is_a_run_status_in_any_case() {
        assertEquals(RunStatus.SUSPENDED, Parameters.status("suspended"));
        assertNull(Parameters.status(""));
        assertThrows(InvalidParameterException.class, () -> Parameters.status("sleeping"));
    }

    @Test
    void filter_texts_keep_to_their_limit_and_hold_no_control_characters() {
        assertEquals("order", Parameters.text("workflow", "order", Limit.WORKFLOW_NAME));
        assertNull(Parameters.text("workflow", "", Limit.WORKFLOW_NAME));
        assertEquals("x".repeat(150), Parameters.text("workflow", "x".repeat(150), Limit.WORKFLOW_NAME));
        assertThrows(InvalidParameterException.class, () -> Parameters.text("workflow", "x".repeat(151), Limit.WORKFLOW_NAME));
        assertThrows(InvalidParameterException.class, () -> Parameters.text("owner", "acme\u0000", Limit.OWNER));
    }

    @Test
    void signal_names_approval_keys_cursors_and_idempotency_keys_are_checked() {
        assertEquals("decision", Parameters.signalName("decision"));
        assertThrows(InvalidParameterException.class, () -> Parameters.signalName("a/b"));
        assertThrows(InvalidParameterException.class, () -> Parameters.signalName("x".repeat(101)));

        assertEquals("manager: 2nd", Parameters.approvalKey("manager: 2nd"));
        for (String bad : new String[] {" ", "a/b", "a#1", "a|b", "x".repeat(101), "a\tb"}) {
            assertThrows(InvalidParameterException.class, () -> Parameters.approvalKey(bad), bad);
        }

        assertEquals("eyJ0IjoxfQ==", Parameters.cursor("eyJ0IjoxfQ=="));
        assertNull(Parameters.cursor(""));
        assertThrows(InvalidParameterException.class, () -> Parameters.cursor("a b"));
        assertThrows(InvalidParameterException.class, () -> Parameters.cursor("c".repeat(201)));

        assertEquals("key-1", Parameters.idempotencyKey("key-1"));
        assertThrows(InvalidParameterException.class, () -> Parameters.idempotencyKey("k".repeat(201)));
        assertThrows(InvalidParameterException.class, () -> Parameters.idempotencyKey("schlüssel"));
    }
}
