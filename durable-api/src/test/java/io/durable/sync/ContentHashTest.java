package io.durable.sync;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentHashTest {

    public record Customer(String id, String name, BigDecimal balance, List<String> tags) {
    }

    @Test
    void theHashIsSha256OfTheCanonicalJson() {
        // sha256 of the three bytes {} (the canonical empty object)
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", ContentHash.ofJson("x", "{}"));
        assertEquals(64, ContentHash.of(new Customer("c1", "Ada", BigDecimal.ONE, List.of())).length());
    }

    @Test
    void fieldOrderAndNumberSpellingDoNotChangeTheHash() {
        String a = ContentHash.ofJson("a", "{\"id\":\"c1\",\"name\":\"Ada\",\"balance\":10.50,\"tags\":[\"x\"]}");
        String b = ContentHash.ofJson("b", "{ \"tags\": [\"x\"], \"balance\": 1.05e1, \"name\": \"Ada\", \"id\": \"c1\" }");
        String record = ContentHash.of(new Customer("c1", "Ada", new BigDecimal("10.5"), List.of("x")));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tags", List.of("x"));
        map.put("name", "Ada");
        map.put("id", "c1");
        map.put("balance", 10.5);
        assertEquals(a, b);
        assertEquals(a, record);
        assertEquals(a, ContentHash.of(map));
    }

    @Test
    void theHashIsStableAcrossCalls() {
        Customer customer = new Customer("c7", "Grace \u00e9\ud83d\ude00", new BigDecimal("-0"), List.of("a", "b"));
        String first = ContentHash.of(customer);
        for (int i = 0; i < 100; i++) {
            assertEquals(first, ContentHash.of(customer));
        }
        assertEquals(first, ContentHash.ofJson("c7",
                "{\"tags\":[\"a\",\"b\"],\"balance\":0,\"name\":\"Grace \\u00e9\\ud83d\\ude00\",\"id\":\"c7\"}"));
    }

    @Test
    void anyChangedValueChangesTheHash() {
        String base = ContentHash.of(new Customer("c1", "Ada", BigDecimal.ONE, List.of("x")));
        assertNotEquals(base, ContentHash.of(new Customer("c1", "Ada ", BigDecimal.ONE, List.of("x"))));
        assertNotEquals(base, ContentHash.of(new Customer("c1", "Ada", BigDecimal.TEN, List.of("x"))));
        assertNotEquals(base, ContentHash.of(new Customer("c1", "Ada", BigDecimal.ONE, List.of("x", "y"))));
        assertNotEquals(ContentHash.ofJson("o", "[1,2]"), ContentHash.ofJson("o", "[2,1]"));
    }

    @Test
    void anUnhashableRecordIsNamedInTheError() {
        Customer huge = new Customer("c-9", "Big", new BigDecimal("1e400"), List.of());
        UnhashableRecordException byText = assertThrows(UnhashableRecordException.class, () -> ContentHash.of(huge));
        assertTrue(byText.getMessage().contains("Customer") && byText.getMessage().contains("c-9"), byText.getMessage());
        assertTrue(byText.getMessage().contains("too large"), byText.getMessage());
        UnhashableRecordException byLabel = assertThrows(UnhashableRecordException.class,
                () -> ContentHash.of("customer c-9", huge));
        assertEquals("customer c-9", byLabel.record());
        UnhashableRecordException notJson = assertThrows(UnhashableRecordException.class,
                () -> ContentHash.ofJson("page 3 item 7", "{\"a\":"));
        assertTrue(notJson.getMessage().startsWith("Cannot hash record page 3 item 7: "), notJson.getMessage());
    }
}
