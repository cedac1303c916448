package io.durable.cdi.internal.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.BinaryDataStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The arguments' JSON that a step's argument hash is taken of is the text JSON-B writes, also where
 * the codec writes it without JSON-B: a journaled hash is compared with a new one on replay, so the
 * text must not depend on the path.
 */
class ArgumentsJsonTest {

    private final JsonCodec codec = new JsonCodec();
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withBinaryDataStrategy(BinaryDataStrategy.BASE_64).withNullValues(Boolean.FALSE));

    @Test
    void scalar_arguments_are_written_as_json_b_writes_them() {
        List<Object[]> cases = List.of(
                new Object[]{7},
                new Object[]{Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1},
                new Object[]{Long.MIN_VALUE, Long.MAX_VALUE, 9_007_199_254_740_993L},
                new Object[]{true, false},
                new Object[]{"", "plain", "quote \" backslash \\ slash / tab \t newline \n return \r"},
                new Object[]{"\u0000 \u0001 \u001f \u007f \u0080 \u00e9 \u4e2d \ud83d\ude00 \u2028 \u2029"},
                new Object[]{"</script>", "'single'", "{\"json\": [1, 2]}"},
                new Object[]{"mixed", 1, 2L, true});
        for (Object[] arguments : cases) {
            assertEquals(jsonb.toJson(arguments), codec.argumentsJson(arguments), () -> List.of(arguments).toString());
        }
    }

    @Test
    void other_arguments_go_through_json_b() {
        Object[] arguments = {"a", null, 1.5, List.of(1, 2), new byte[]{1, 2}};
        assertEquals(jsonb.toJson(arguments), codec.argumentsJson(arguments));
    }
}
