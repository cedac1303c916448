package io.durable.cdi.internal.json;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.BiPredicate;

/**
 * Finds where a value and its copy read back from JSON differ, so a value the journal would change
 * is refused before it is journaled. Records and arrays are compared by content (their own
 * {@code equals} compares arrays by identity), lists and the iteration order of ordered maps and
 * sets by position, {@code BigDecimal} with its scale, doubles bit for bit ({@code -0.0} is not
 * {@code 0.0}). A class that keeps {@code Object.equals} is compared by what JSON-B sees of it.
 */
final class SameValue {

    private static final int SHOWN = 80;

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
            }
            return accessors;
        }
    };

    private static final ClassValue<Boolean> OWN_EQUALS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    private SameValue() {
    }

    /**
     * @param original  the value as the code returned it
     * @param copy      the value read back from its JSON
     * @param sameJson  compares two values of a class without its own {@code equals}, by their JSON
     * @return where and how they differ, or empty when a replay would get an equal value
     */
    static Optional<String> difference(Object original, Object copy, BiPredicate<Object, Object> sameJson) {
        return Optional.ofNullable(new SameValue.Walk(sameJson).compare("$", original, copy));
    }

    /**
     * @return the path of the first float or double in the value that is NaN or infinite, or empty;
     *         JSON has no number for them
     */
    static Optional<String> nonFinite(Object value) {
        return Optional.ofNullable(nonFinite("$", value, 0));
    }

    private static String nonFinite(String path, Object value, int depth) {
        if (value == null || depth > 64) {
            return null;
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)
                || value instanceof OptionalDouble o && o.isPresent() && !Double.isFinite(o.getAsDouble())) {
            return path;
        }
        List<Map.Entry<String, Object>> parts = parts(path, value);
        for (Map.Entry<String, Object> part : parts) {
            String found = nonFinite(part.getKey(), part.getValue(), depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The children of a container value with their paths; none for a leaf. */
    private static List<Map.Entry<String, Object>> parts(String path, Object value) {
        List<Map.Entry<String, Object>> parts = new ArrayList<>();
        if (value instanceof Optional<?> o) {
            o.ifPresent(v -> parts.add(Map.entry(path, v)));
        } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()
                || value instanceof double[] || value instanceof float[]) {
            for (int i = 0; i < Array.getLength(value); i++) {
                parts.add(entry(path + "[" + i + "]", Array.get(value, i)));
            }
        } else if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object element : c) {
                parts.add(entry(path + "[" + i++ + "]", element));
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> parts.add(entry(path + "[" + k + "]", v)));
        } else if (value.getClass().isRecord()) {
            for (Method accessor : ACCESSORS.get(value.getClass())) {
                parts.add(entry(path + "." + accessor.getName(), read(accessor, value)));
            }
        }
        return parts;
    }

    private static Map.Entry<String, Object> entry(String path, Object value) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(path, value);
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor + ": " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(accessor + " threw " + e.getCause(), e.getCause());
        }
    }

    /** One comparison; returns a description of the first difference, or {@code null}. */
    private record Walk(BiPredicate<Object, Object> sameJson) {

        String compare(String path, Object a, Object b) {
            if (a == b) {
                return null;
            }
            if (a == null || b == null) {
                return differs(path, a, b);
            }
            if (a.getClass().isArray() && b.getClass().isArray()) {
                return arrays(path, a, b);
            }
            if (a instanceof Optional<?> oa && b instanceof Optional<?> ob) {
                return oa.isPresent() && ob.isPresent() ? compare(path, oa.get(), ob.get())
                        : oa.isPresent() == ob.isPresent() ? null : differs(path, a, b);
            }
            if (a instanceof Double || a instanceof Float || a instanceof OptionalInt || a instanceof OptionalLong
                    || a instanceof OptionalDouble) {
                return a.equals(b) ? null : differs(path, a, b);
            }
            if (a instanceof List<?> la && b instanceof List<?> lb) {
                return sequences(path, la, lb);
            }
            if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
                return maps(path, ma, mb);
            }
            if (a instanceof Set<?> sa && b instanceof Set<?> sb) {
                if (!sa.equals(sb)) {
                    return differs(path, a, b);
                }
                return ordered(a) ? sequences(path, new ArrayList<>(sa), new ArrayList<>(sb)) : null;
            }
            if (a instanceof Collection<?> ca && b instanceof Collection<?> cb) {
                return sequences(path, new ArrayList<>(ca), new ArrayList<>(cb));
            }
            if (a.getClass() != b.getClass()) {
                return differs(path, a, b);
            }
            if (a.getClass().isRecord()) {
                for (Method accessor : ACCESSORS.get(a.getClass())) {
                    String found = compare(path + "." + accessor.getName(), read(accessor, a), read(accessor, b));
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            boolean same = OWN_EQUALS.get(a.getClass()) ? a.equals(b) : sameJson.test(a, b);
            return same ? null : differs(path, a, b);
        }

        private String arrays(String path, Object a, Object b) {
            int length = Array.getLength(a);
            if (length != Array.getLength(b) || a.getClass() != b.getClass()) {
                return differs(path, a, b);
            }
            for (int i = 0; i < length; i++) {
                String found = compare(path + "[" + i + "]", Array.get(a, i), Array.get(b, i));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        private String sequences(String path, List<?> a, List<?> b) {
            if (a.size() != b.size()) {
                return path + " had " + a.size() + " elements and reads back with " + b.size();
            }
            for (int i = 0; i < a.size(); i++) {
                String found = compare(path + "[" + i + "]", a.get(i), b.get(i));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        private String maps(String path, Map<?, ?> a, Map<?, ?> b) {
            if (!a.keySet().equals(b.keySet())) {
                return path + " had the keys " + show(a.keySet()) + " and reads back with " + show(b.keySet());
            }
            for (Map.Entry<?, ?> e : a.entrySet()) {
                String found = compare(path + "[" + e.getKey() + "]", e.getValue(), b.get(e.getKey()));
                if (found != null) {
                    return found;
                }
            }
            if (ordered(a) && !new ArrayList<>(a.keySet()).equals(new ArrayList<>(b.keySet()))) {
                return path + " is a " + a.getClass().getSimpleName() + " whose order " + show(a.keySet())
                        + " reads back as " + show(b.keySet()) + " (declare the type as LinkedHashMap or a SortedMap "
                        + "to keep the order)";
            }
            return null;
        }

        private static boolean ordered(Object container) {
            return container instanceof LinkedHashMap || container instanceof LinkedHashSet
                    || container instanceof SortedMap || container instanceof SortedSet;
        }

        private static String differs(String path, Object a, Object b) {
            return path + " was " + show(a) + " and reads back as " + show(b);
        }
    }

    /** A value as an error message shows it: its text, cut short, and its class. */
    static String show(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.getClass().isArray() ? arrayText(value) : String.valueOf(value);
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(SHOWN).forEach(c -> {
            if (c < 0x20 || Character.isSurrogate((char) c) && Character.isBmpCodePoint(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > SHOWN) {
            shown.append("...");
        }
        return "'" + shown + "' (" + value.getClass().getSimpleName() + ")";
    }

    private static String arrayText(Object array) {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < Math.min(Array.getLength(array), SHOWN); i++) {
            elements.add(Array.get(array, i));
        }
        return elements.toString();
    }
}
