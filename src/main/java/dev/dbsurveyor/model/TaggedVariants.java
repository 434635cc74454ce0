package dev.dbsurveyor.model;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The variants of one {@link TaggedUnion}, looked up by tag. */
final class TaggedVariants {

    private final Class<?> union;
    private final Map<String, Class<?>> byTag;

    private TaggedVariants(Class<?> union, Map<String, Class<?>> byTag) {
        this.union = union;
        this.byTag = byTag;
    }

    static TaggedVariants of(Class<?> union) {
        if (!isTaggedUnion(union)) {
            throw new IllegalArgumentException(union.getName() + " is not a sealed @TaggedUnion interface");
        }
        Map<String, Class<?>> byTag = new LinkedHashMap<>();
        for (Class<?> variant : union.getPermittedSubclasses()) {
            if (!variant.isRecord()) {
                throw new IllegalArgumentException("Variant " + variant.getName() + " of " + union.getName() + " must be a record");
            }
            byTag.put(tagOf(variant), variant);
        }
        return new TaggedVariants(union, Map.copyOf(byTag));
    }

    static boolean isTaggedUnion(Class<?> type) {
        return type.isInterface() && type.isSealed() && type.isAnnotationPresent(TaggedUnion.class);
    }

    /** The tagged union a record belongs to, if it is a variant of one. */
    static Optional<Class<?>> unionOf(Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        for (Class<?> parent : type.getInterfaces()) {
            if (isTaggedUnion(parent)) {
                return Optional.of(parent);
            }
        }
        return Optional.empty();
    }

    static String tagOf(Class<?> variant) {
        JsonTypeName name = variant.getAnnotation(JsonTypeName.class);
        return name != null && !name.value().isEmpty() ? name.value() : variant.getSimpleName();
    }

    static boolean isUnit(Class<?> variant) {
        return variant.getRecordComponents().length == 0;
    }

    Class<?> union() {
        return union;
    }

    Optional<Class<?>> variant(String tag) {
        return Optional.ofNullable(byTag.get(tag));
    }

    String tags() {
        return String.join(", ", byTag.keySet());
    }

    static Object newUnit(Class<?> variant) {
        try {
            Constructor<?> constructor = variant.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot create unit variant " + variant.getName(), e);
        }
    }
}
