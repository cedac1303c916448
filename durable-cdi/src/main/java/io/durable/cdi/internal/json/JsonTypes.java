package io.durable.cdi.internal.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Generic types built at run time, for reading journaled JSON back (a page of items, a counter map). */
public final class JsonTypes {

    private JsonTypes() {
    }

    /**
     * The type to read JSON as: a {@code Map} or {@code Set} declared as the interface (JSON-B would
     * make a {@code HashMap} or {@code HashSet}) comes back as a {@code LinkedHashMap} or
     * {@code LinkedHashSet} in the JSON's order, which is the order the first execution iterated;
     * so a replay that loops over it calls its steps in the same order. Reaches the declared type and
     * its type arguments; JSON-B resolves the fields of records itself.
     */
    public static Type inJsonOrder(Type type) {
        if (type == Map.class) {
            return LinkedHashMap.class;
        }
        if (type == Set.class) {
            return LinkedHashSet.class;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] arguments = p.getActualTypeArguments();
            boolean changed = false;
            for (int i = 0; i < arguments.length; i++) {
                Type ordered = inJsonOrder(arguments[i]);
                changed |= ordered != arguments[i];
                arguments[i] = ordered;
            }
            Class<?> ordered = (Class<?>) inJsonOrder(raw);
            return changed || ordered != raw ? parameterized(ordered, arguments) : type;
        }
        return type;
    }

    public static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        Type[] args = arguments.clone();
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return args.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String toString() {
                return raw.getName() + Arrays.toString(args).replace('[', '<').replace(']', '>');
            }
        };
    }
}
