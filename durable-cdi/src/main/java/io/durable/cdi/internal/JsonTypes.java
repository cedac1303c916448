package io.durable.cdi.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;

/** Generic types built at run time, for reading journaled JSON back (a page of items, a counter map). */
final class JsonTypes {

    private JsonTypes() {
    }

    static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
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
