package io.durable.cdi.internal.definition;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every member of JSON that arrives from outside against the declared type, where JSON-B would
 * convert instead of refusing: a number for a {@code String}, a string for a {@code boolean} (which
 * Yasson reads as {@code false}), an object for a list. Records' components and classes' fields are
 * matched by their JSON-B property names ({@link JsonbProperty}); members the type lacks are left to
 * JSON-B's unknown-property check; type variables and {@code Object} accept anything.
 */
final class MemberShapes {

    /** Deeper than any payload the limits let in; a guard against cyclic types. */
    private static final int MAX_DEPTH = 64;

    private MemberShapes() {
    }

    /**
     * @param value the JSON, whose top-level shape was checked already
     * @param type  the declared type
     * @return the first member that does not fit, said with its path, or empty
     */
    static Optional<String> problem(JsonValue value, Type type) {
        return problem(value, type, "", 0);
    }

    private static Optional<String> problem(JsonValue value, Type type, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return type instanceof Class<?> c && c.isPrimitive()
                    ? Optional.of(at(path) + " must not be null: it is a " + c.getName())
                    : Optional.empty();
        }
        NewInput.Shape expected = NewInput.Shape.of(type);
        if (!expected.accepts(value.getValueType())) {
            return Optional.of(at(path) + " must be " + expected.description + " for " + type.getTypeName()
                    + ", but is a JSON " + NewInput.kind(value.getValueType()));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return problem(value, p.getActualTypeArguments()[0], path, depth);
        }
        return switch (value.getValueType()) {
            case ARRAY -> elements(value.asJsonArray(), elementType(type), path, depth);
            case OBJECT -> members(value.asJsonObject(), type, path, depth);
            default -> Optional.empty();
        };
    }

    private static Optional<String> elements(JsonArray array, Type element, String path, int depth) {
        if (element == null) {
            return Optional.empty();
        }
        for (int i = 0; i < array.size(); i++) {
            Optional<String> problem = problem(array.get(i), element, path + "[" + i + "]", depth + 1);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> members(JsonObject object, Type type, String path, int depth) {
        Map<String, Type> declared = declaredMembers(type);
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            Type memberType = declared.containsKey("*") ? declared.get("*") : declared.get(member.getKey());
            if (memberType == null) {
                continue;
            }
            Optional<String> problem = problem(member.getValue(), memberType,
                    path.isEmpty() ? member.getKey() : path + "." + member.getKey(), depth + 1);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** The element type of an array or collection type, or {@code null} when unknown. */
    private static Type elementType(Type type) {
        if (type instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        if (type instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw) && p.getActualTypeArguments().length == 1) {
            return p.getActualTypeArguments()[0];
        }
        return null;
    }

    /**
     * The members of an object type by JSON property name; a map's values under {@code "*"}; empty for
     * a type whose members are not known here.
     */
    private static Map<String, Type> declaredMembers(Type type) {
        Map<String, Type> members = new HashMap<>();
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (Map.class.isAssignableFrom(raw) && p.getActualTypeArguments().length == 2) {
                members.put("*", p.getActualTypeArguments()[1]);
            }
            return members;
        }
        if (!(type instanceof Class<?> c) || Map.class.isAssignableFrom(c) || c.getName().startsWith("java.")) {
            return members;
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                if (!transientMember(component.getAccessor()) && !transientMember(field(c, component.getName()))) {
                    members.put(propertyName(component.getName(), component.getAccessor(),
                            field(c, component.getName())), component.getGenericType());
                }
            }
            return members;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())
                        && !transientMember(f) && !f.isSynthetic()) {
                    members.putIfAbsent(propertyName(f.getName(), f, null), f.getGenericType());
                }
            }
        }
        return members;
    }

    private static Field field(Class<?> c, String name) {
        try {
            return c.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static boolean transientMember(AnnotatedElement element) {
        return element != null && element.isAnnotationPresent(JsonbTransient.class);
    }

    private static String propertyName(String name, AnnotatedElement first, AnnotatedElement second) {
        for (AnnotatedElement element : new AnnotatedElement[] {first, second}) {
            JsonbProperty property = element == null ? null : element.getAnnotation(JsonbProperty.class);
            if (property != null && !property.value().isEmpty()) {
                return property.value();
            }
        }
        return name;
    }

    private static String at(String path) {
        return path.isEmpty() ? "the value" : "'" + path + "'";
    }
}
