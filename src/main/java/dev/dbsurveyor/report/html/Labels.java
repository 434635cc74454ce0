package dev.dbsurveyor.report.html;

import java.util.Locale;

/**
 * A catalog value as a page's words: an enum constant in lower case with spaces
 * ({@code PARTITIONED_TABLE} → {@code partitioned table}), a record by its type's name
 * ({@code MostRecent} → {@code most recent}); empty for null.
 */
final class Labels {

    private Labels() {
    }

    static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (value instanceof Record) {
            return value.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        return value.toString();
    }
}
