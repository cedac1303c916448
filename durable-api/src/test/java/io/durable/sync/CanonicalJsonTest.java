package io.durable.sync;

import org.erdtman.jcs.NumberToJSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return CanonicalJson.write(CanonicalJson.parse(json));
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

    @Test
    void every_number_is_written_as_an_independent_rfc_8785_implementation_writes_it() throws Exception {
        // the oracle: the Java port of the RFC's reference implementation (V8's double-conversion)
        List<Double> doubles = new ArrayList<>();
        for (int exponent = -1074; exponent <= 1023; exponent++) {
            double power = Math.scalb(1.0, exponent);
            doubles.add(power);
            doubles.add(Math.nextUp(power));
            doubles.add(Math.nextDown(power));
        }
        for (long i = 1; i <= 10_000; i++) {
            doubles.add((double) i);
            doubles.add(i / 1000.0);
            doubles.add(i * 1e17);
        }
        doubles.addAll(List.of(Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 9007199254740992.0,
                9007199254740993.0, 1e21, 1e-7, 0.1 + 0.2, 5e-324, 1.7976931348623157e308, 4.35, 0.000001, 123e-20));
        Random random = new Random(8785);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d) && d != 0) {
                doubles.add(d);
            }
        }
        List<String> wrong = new ArrayList<>();
        for (double d : doubles) {
            for (double signed : new double[]{d, -d}) {
                String ours = CanonicalJson.number(signed);
                String oracle = NumberToJSON.serializeNumber(signed);
                if (!ours.equals(oracle) && wrong.size() < 20) {
                    wrong.add(Double.doubleToRawLongBits(signed) + ": " + ours + " but " + oracle);
                }
            }
        }
        assertEquals(List.of(), wrong, () -> "of " + doubles.size() * 2 + " doubles");
    }

    @Test
    void a_member_named_twice_is_refused_not_collapsed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> canonical("{\"outer\":{\"id\":1,\"id\":2}}"));
        assertTrue(e.getMessage().contains("the object at $.outer has the member \"id\" twice"), e.getMessage());
        assertThrows(UnhashableRecordException.class, () -> ContentHash.ofJson("dup", "{\"a\":1,\"a\":1}"));
        assertEquals(canonical("{\"a\":{\"b\":1},\"b\":{\"a\":1}}"), "{\"a\":{\"b\":1},\"b\":{\"a\":1}}",
                "the same name in different objects is fine");
    }
}
