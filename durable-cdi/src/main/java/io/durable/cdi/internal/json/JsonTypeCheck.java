package io.durable.cdi.internal.json;

import jakarta.json.bind.annotation.JsonbCreator;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Decides at deployment whether JSON-B can bind a payload type both ways, so a workflow whose
 * input or output could never be stored fails the deployment instead of its first run.
 */
public final class JsonTypeCheck {

    private static final Set<Class<?>> SCALARS = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class,
            UUID.class, URI.class, URL.class, Optional.class, OptionalInt.class, OptionalLong.class,
            OptionalDouble.class);

    private JsonTypeCheck() {
    }

    /**
     * @param type the declared type
     * @return why JSON-B cannot bind it, or empty when it can
     */
    public static Optional<String> problem(Type type) {
        return problem(type, new HashSet<>());
    }

    private static Optional<String> problem(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return Optional.empty();
        }
        if (type instanceof Class<?> c) {
            return classProblem(c, seen);
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class) {
                if (raw.isInterface() && !isSupportedContainer(raw)) {
                    return Optional.of(raw.getName() + " is not a collection type JSON-B can create; use List, Set or Map");
                }
                for (Type argument : p.getActualTypeArguments()) {
                    Optional<String> problem = problem(argument, seen);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
                return Optional.empty();
            }
            return classProblem(raw, seen);
        }
        if (type instanceof GenericArrayType a) {
            return problem(a.getGenericComponentType(), seen);
        }
        return Optional.of("'" + type.getTypeName() + "' is a type variable or wildcard; JSON-B needs a concrete type");
    }

    private static boolean isSupportedContainer(Class<?> raw) {
        return raw == List.class || raw == Set.class || raw == Map.class || raw == Collection.class
                || raw == Optional.class || raw == java.util.SortedSet.class || raw == java.util.SortedMap.class
                || raw == java.util.Deque.class || raw == java.util.Queue.class || raw == java.util.NavigableMap.class
                || raw == java.util.NavigableSet.class;
    }

    private static Optional<String> classProblem(Class<?> c, Set<Type> seen) {
        if (c.isPrimitive() || SCALARS.contains(c) || c.isEnum() || Temporal.class.isAssignableFrom(c)
                || TemporalAmount.class.isAssignableFrom(c) || c == java.util.Date.class
                || c == java.util.Calendar.class || c == java.time.ZoneId.class || c == java.time.ZoneOffset.class) {
            return Optional.empty();
        }
        if (c.isArray()) {
            return problem(c.getComponentType(), seen);
        }
        if (c == Object.class) {
            return Optional.of("java.lang.Object carries no type information; declare a concrete type");
        }
        if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
            return c.isInterface() && !isSupportedContainer(c)
                    ? Optional.of(c.getName() + " is not a collection type JSON-B can create; use List, Set or Map")
                    : Optional.empty();
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            return Optional.of(c.getName() + " is an interface or abstract class; JSON-B cannot create it");
        }
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return Optional.of(c.getName() + " is not public" + (k == c ? "" : " (its enclosing " + k.getName()
                        + " is not)") + "; JSON-B binds only public types");
            }
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                Optional<String> problem = problem(component.getGenericType(), seen);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        if (c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
            return Optional.of(c.getName() + " is an inner (non-static) class; JSON-B cannot create it");
        }
        if (!hasCreator(c)) {
            return Optional.of(c.getName() + " has no public no-argument constructor and no @JsonbCreator");
        }
        return Optional.empty();
    }

    private static boolean hasCreator(Class<?> c) {
        for (Constructor<?> constructor : c.getDeclaredConstructors()) {
            boolean visible = Modifier.isPublic(constructor.getModifiers())
                    || Modifier.isProtected(constructor.getModifiers());
            if ((constructor.getParameterCount() == 0 && visible) || constructor.isAnnotationPresent(JsonbCreator.class)) {
                return true;
            }
        }
        for (Method method : c.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.isAnnotationPresent(JsonbCreator.class)) {
                return true;
            }
        }
        return false;
    }
}
