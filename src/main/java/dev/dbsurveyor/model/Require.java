package dev.dbsurveyor.model;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the records of the contract, so that no record can be built invalid. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    static String text(String value, String field) {
        present(value, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    /** An immutable copy; a missing list reads as empty, which is what v1.0 files without the field mean. */
    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static <T> List<T> nonEmptyList(List<T> values, String field) {
        List<T> copy = list(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(field + " must have at least one element");
        }
        return copy;
    }

    static <T> List<T> optionalList(List<T> values) {
        return values == null ? null : List.copyOf(values);
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative: " + value);
        }
        return value;
    }

    static Long nonNegative(Long value, String field) {
        return value == null ? null : nonNegative(value.longValue(), field);
    }

    static Integer positive(Integer value, String field) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1: " + value);
        }
        return value;
    }
}
