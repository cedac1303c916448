package io.durable.sync;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalJsonTest {

    private static String canonical(String json) {
        JsonValue value = Json.createReader(new StringReader(json)).readValue();
        return CanonicalJson.write(value);
    }

    @Test
    void theRfc8785ExampleIsReproduced() {
        String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        assertEquals("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", canonical(input));
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsAtEveryLevel() {
        assertEquals("{\"a\":{\"x\":1,\"y\":[{\"b\":2,\"c\":3}]},\"b\":true}",
                canonical("{\"b\":true,\"a\":{\"y\":[{\"c\":3,\"b\":2}],\"x\":1}}"));
        // the RFC's own ordering example: code units, so U+20AC sorts before U+FB33 and after "\r"
        assertEquals("{\"\\r\":1,\"1\":2,\"\u0080\":3,\"\u00f6\":4,\"\u20ac\":5,\"\ud83d\ude00\":6,\"\ufb33\":7}",
                canonical("{\"\u20ac\":5,\"\\r\":1,\"\ufb33\":7,\"1\":2,\"\ud83d\ude00\":6,\"\u0080\":3,\"\u00f6\":4}"));
    }

    @Test
    void arraysKeepTheirOrderAndWhitespaceGoes() {
        assertEquals("[3,1,2,[],{}]", canonical(" [ 3 , 1 ,2, [ ] , { } ] "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.0|1", "-0|0", "-0.0|0", "0|0", "1e21|1e+21", "1e20|100000000000000000000", "123e18|123000000000000000000",
            "1e-6|0.000001", "1e-7|1e-7", "-1.5e-7|-1.5e-7", "0.1|0.1", "100|100", "-42|-42", "1.5|1.5",
            "9007199254740993|9007199254740992", "5e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308",
            "333333333.33333329|333333333.3333333", "0.000001234|0.000001234", "123456789012345680000|123456789012345680000",
            "2.5e-3|0.0025", "1E+2|100", "4.35|4.35", "0.3|0.3"})
    void numbersAreWrittenAsEcmaScriptDoes(String in, String expected) {
        assertEquals(expected, canonical("[" + in + "]").replaceAll("^\\[|]$", ""));
    }

    @Test
    void integersAndFractionsOfTheSameValueAreOneNumber() {
        assertEquals(canonical("{\"a\":1}"), canonical("{\"a\":1.000}"));
        assertEquals(canonical("{\"a\":100}"), canonical("{\"a\":1e2}"));
    }

    @Test
    void stringsKeepUnicodeAndEscapeOnlyWhatJsonRequires() {
        assertEquals("\"caf\u00e9 \u2028 \ud83d\ude00 \\u001f \\b\\f\\t \u007f\"",
                canonical("\"caf\\u00e9 \\u2028 \\ud83d\\ude00 \\u001F \\b\\f\\t \\u007f\""));
    }

    @Test
    void aLoneSurrogateIsRefusedWithItsPlace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> canonical("{\"name\":\"bad \\ud800 here\"}"));
        assertTrue(e.getMessage().contains("$.name"), e.getMessage());
    }

    @Test
    void aNumberBeyondDoubleIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> canonical("{\"n\":1e400}"));
        assertTrue(e.getMessage().contains("$.n") && e.getMessage().contains("1E+400"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.number(Double.NaN));
    }
}
