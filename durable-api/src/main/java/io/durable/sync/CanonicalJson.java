package io.durable.sync;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON Canonicalization Scheme of RFC 8785: object members sorted by the UTF-16 code units of
 * their names, no whitespace, numbers written as ECMAScript writes an IEEE 754 double (shortest
 * form that reads back to the same double; {@code 1.0} is {@code 1}, {@code 1e21} is
 * {@code 1e+21}, {@code -0} is {@code 0}), strings with only the escapes JSON requires
 * ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other control characters as a six-character {@code u00XX} escape).
 *
 * <p>As in RFC 8785 every number is an IEEE 754 double: integers beyond 2^53 lose precision, so
 * send such identifiers as strings.
 */
public final class CanonicalJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /**
     * Reads a JSON text for canonicalization. Unlike a JSON-P reader, which keeps the last of two
     * members with one name, it refuses duplicate names: RFC 8785 (section 3.1) takes I-JSON, whose
     * objects hold each name once (RFC 7493, section 2.3), and a duplicate would hash as whichever the
     * parser kept.
     *
     * @param json the text
     * @return its value, numbers as {@link java.math.BigDecimal} as written
     * @throws IllegalArgumentException when an object holds a name twice
     * @throws jakarta.json.stream.JsonParsingException when the text is not JSON
     */
    public static JsonValue parse(String json) {
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            if (!parser.hasNext()) {
                throw new IllegalArgumentException("the text holds no JSON value");
            }
            return read(parser, parser.next(), "$");
        }
    }

    private static JsonValue read(JsonParser parser, JsonParser.Event event, String path) {
        return switch (event) {
            case START_OBJECT -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                Set<String> names = new HashSet<>();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
                    String name = parser.getString();
                    if (!names.add(name)) {
                        throw new IllegalArgumentException("the object at " + path + " has the member \"" + name
                                + "\" twice; RFC 8785 allows each name once in an object (I-JSON, RFC 7493 section 2.3)");
                    }
                    object.add(name, read(parser, parser.next(), path + "." + name));
                }
                yield object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                int index = 0;
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    array.add(read(parser, next, path + "[" + index++ + "]"));
                }
                yield array.build();
            }
            case VALUE_STRING -> Json.createValue(parser.getString());
            case VALUE_NUMBER -> Json.createValue(parser.getBigDecimal());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new IllegalArgumentException("unexpected " + event + " at " + path);
        };
    }

    /**
     * The canonical form of a JSON value.
     *
     * @param value the value
     * @return its canonical text
     * @throws IllegalArgumentException when a number is not finite as a double, or a string holds a
     *                                  lone surrogate (not valid Unicode)
     */
    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "$");
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out, String path) {
        switch (value.getValueType()) {
            case NULL -> out.append("null");
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case STRING -> string(((JsonString) value).getString(), out, path);
            case NUMBER -> out.append(number(((JsonNumber) value).bigDecimalValue(), path));
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i), out, path + "[" + i + "]");
                }
                out.append(']');
            }
            case OBJECT -> {
                JsonObject object = (JsonObject) value;
                List<String> names = new ArrayList<>(object.keySet());
                names.sort(String::compareTo); // UTF-16 code unit order, as RFC 8785 asks
                out.append('{');
                boolean first = true;
                for (String name : names) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(name, out, path);
                    out.append(':');
                    write(object.get(name), out, path + "." + name);
                }
                out.append('}');
            }
        }
    }

    private static void string(String text, StringBuilder out, String path) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("the string at " + path + " holds a lone surrogate \\u"
                                + Integer.toHexString(c) + " at index " + i + ", which is not valid Unicode");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * A number as ECMAScript's {@code Number.prototype.toString} writes the nearest double.
     *
     * @param value the number
     * @param path  where it is, for the error message
     * @return its canonical text
     */
    static String number(BigDecimal value, String path) {
        double d = value.doubleValue();
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            throw new IllegalArgumentException("the number at " + path + " (" + value + ") is too large for an IEEE 754 "
                    + "double, which RFC 8785 requires");
        }
        return number(d);
    }

    /**
     * A double as ECMAScript writes it.
     *
     * @param d a finite double
     * @return its canonical text
     * @throws IllegalArgumentException when it is NaN or infinite
     */
    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(d + " has no JSON form");
        }
        if (d == 0) {
            return "0"; // both 0 and -0
        }
        String sign = d < 0 ? "-" : "";
        double magnitude = Math.abs(d);
        BigDecimal shortest = shortest(magnitude);
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // the value is digits x 10^(n - k)
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /**
     * The decimal with the fewest significant digits that reads back as the double, and of those the
     * closest to its exact value (ECMAScript's Number::toString, step 5). At each precision only the
     * two decimals that bracket the exact value can qualify: any other lies farther out of the
     * interval that reads back as the double. Rounding to nearest alone is not enough: at a power of
     * two the interval is twice as wide above as below, so the bracketing decimal on the far side can
     * read back where the nearer one does not.
     */
    private static BigDecimal shortest(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downFits = Double.parseDouble(down.toString()) == magnitude;
            boolean upFits = Double.parseDouble(up.toString()) == magnitude;
            if (downFits && upFits) {
                int closer = exact.subtract(down).compareTo(up.subtract(exact));
                return closer < 0 ? down : closer > 0 ? up : evenOf(down, up);
            }
            if (downFits) {
                return down;
            }
            if (upFits) {
                return up;
            }
        }
        return exact; // unreachable: 17 significant digits always read back
    }

    /** Of two decimals as close as each other, the one whose last digit is even. */
    private static BigDecimal evenOf(BigDecimal a, BigDecimal b) {
        return a.unscaledValue().testBit(0) ? b : a;
    }
}
