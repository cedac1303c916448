package io.durable.sync;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

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
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == magnitude) {
                shortest = rounded;
                break;
            }
        }
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
}
