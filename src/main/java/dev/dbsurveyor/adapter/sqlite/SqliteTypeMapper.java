package dev.dbsurveyor.adapter.sqlite;

import dev.dbsurveyor.model.UnifiedDataType;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a column's declared SQLite type to the unified set. A declared name with a meaning SQLite's
 * affinity would lose ({@code BOOLEAN}, {@code DATE}, {@code DATETIME}, {@code TIMESTAMP}, {@code TIME},
 * {@code JSON}, {@code UUID}) maps to that meaning; any other maps by the affinity SQLite gives it
 * (section 3.1 of SQLite's "Datatypes" page): INTEGER to a signed 64-bit integer, TEXT to unbounded
 * text (SQLite does not enforce a declared length), BLOB and no type at all to bytes, REAL to a
 * double, NUMERIC to a decimal with the declared precision. {@code ANY} of a STRICT table keeps
 * values as they come and is a custom type.
 */
final class SqliteTypeMapper {

    private static final Pattern PRECISION = Pattern.compile("\\(\\s*(\\d{1,3})\\s*(?:,\\s*\\d+\\s*)?\\)");

    private SqliteTypeMapper() {
    }

    static UnifiedDataType map(String declared, boolean strictTable) {
        String type = declared == null ? "" : declared.strip().toUpperCase(Locale.ROOT);
        int parenthesis = type.indexOf('(');
        String base = (parenthesis < 0 ? type : type.substring(0, parenthesis)).strip();
        switch (base) {
            case "BOOLEAN", "BOOL" -> {
                return new UnifiedDataType.BooleanType();
            }
            case "DATE" -> {
                return new UnifiedDataType.DateType();
            }
            case "DATETIME", "TIMESTAMP" -> {
                return new UnifiedDataType.DateTimeType(false);
            }
            case "TIME" -> {
                return new UnifiedDataType.TimeType(false);
            }
            case "JSON", "JSONB" -> {
                return new UnifiedDataType.JsonType();
            }
            case "UUID", "GUID" -> {
                return new UnifiedDataType.UuidType();
            }
            case "ANY" -> {
                if (strictTable) {
                    return new UnifiedDataType.CustomType(declared.strip());
                }
            }
            default -> {
            }
        }
        return switch (affinity(type)) {
            case INTEGER -> new UnifiedDataType.IntegerType(64, true);
            case TEXT -> new UnifiedDataType.StringType(null);
            case BLOB -> new UnifiedDataType.BinaryType(null);
            case REAL -> new UnifiedDataType.FloatType(53);
            case NUMERIC -> new UnifiedDataType.FloatType(precision(type));
        };
    }

    /** SQLite's five affinities. */
    enum Affinity { INTEGER, TEXT, BLOB, REAL, NUMERIC }

    /** The affinity SQLite gives a declared type, by its rules in their order. */
    static Affinity affinity(String declared) {
        String type = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        if (type.contains("INT")) {
            return Affinity.INTEGER;
        }
        if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
            return Affinity.TEXT;
        }
        if (type.contains("BLOB") || type.isBlank()) {
            return Affinity.BLOB;
        }
        if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
            return Affinity.REAL;
        }
        return Affinity.NUMERIC;
    }

    private static Integer precision(String type) {
        Matcher matcher = PRECISION.matcher(type);
        if (!matcher.find()) {
            return null;
        }
        int precision = Integer.parseInt(matcher.group(1));
        return precision < 1 ? null : Math.min(255, precision);
    }
}
