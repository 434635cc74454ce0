package dev.dbsurveyor.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sealed interface whose record variants are written externally tagged, as the
 * dbsurveyor v1.0 format does: a variant without components is the string of its tag
 * ({@code "Success"}), a variant with components is a one-key object
 * ({@code {"Failed":{"error":"..."}}}). A variant's tag is its {@code @JsonTypeName}, or else
 * its simple class name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TaggedUnion {
}
