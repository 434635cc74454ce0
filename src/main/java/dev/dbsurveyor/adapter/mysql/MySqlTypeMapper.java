package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.model.UnifiedDataType;

import java.util.Locale;

/**
 * Maps a MySQL or MariaDB column type to the unified type set, from {@code DATA_TYPE} (the bare
 * name), {@code COLUMN_TYPE} (the full declaration) and the catalog's lengths. Every result is
 * valid for the v1.0 schema: {@code mediumint} becomes a 32-bit integer, lengths beyond a 32-bit
 * integer are unbounded, and the exact declaration stays in {@code native_type}.
 */
final class MySqlTypeMapper {

    private MySqlTypeMapper() {
    }

    /**
     * @param dataType    {@code DATA_TYPE}, such as {@code varchar}
     * @param columnType  {@code COLUMN_TYPE} or {@code DTD_IDENTIFIER}, such as {@code varchar(40)} or {@code int(10) unsigned}
     * @param maxLength   {@code CHARACTER_MAXIMUM_LENGTH} (characters of text, bytes of binary types), or null
     * @param precision   {@code NUMERIC_PRECISION}, or null
     */
    static UnifiedDataType map(String dataType, String columnType, Long maxLength, Long precision) {
        String name = dataType.toLowerCase(Locale.ROOT);
        String declared = columnType == null ? name : columnType.toLowerCase(Locale.ROOT);
        boolean unsigned = declared.contains("unsigned");
        return switch (name) {
            case "tinyint" -> declared.startsWith("tinyint(1)") && !unsigned
                    ? new UnifiedDataType.BooleanType() : new UnifiedDataType.IntegerType(8, !unsigned);
            case "bool", "boolean" -> new UnifiedDataType.BooleanType();
            case "smallint" -> new UnifiedDataType.IntegerType(16, !unsigned);
            case "mediumint", "int", "integer" -> new UnifiedDataType.IntegerType(32, !unsigned);
            case "bigint" -> new UnifiedDataType.IntegerType(64, !unsigned);
            case "year" -> new UnifiedDataType.IntegerType(16, false);
            case "decimal", "numeric", "dec", "fixed" -> new UnifiedDataType.FloatType(precision(precision));
            case "float" -> new UnifiedDataType.FloatType(24);
            case "double", "real", "double precision" -> new UnifiedDataType.FloatType(53);
            case "bit" -> bit(declared);
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "nchar", "nvarchar" ->
                    new UnifiedDataType.StringType(length(maxLength));
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> new UnifiedDataType.BinaryType(length(maxLength));
            case "date" -> new UnifiedDataType.DateType();
            case "datetime" -> new UnifiedDataType.DateTimeType(false);
            // TIMESTAMP values are instants, stored in UTC and shown in the session's time zone.
            case "timestamp" -> new UnifiedDataType.DateTimeType(true);
            case "time" -> new UnifiedDataType.TimeType(false);
            case "json" -> new UnifiedDataType.JsonType();
            case "uuid" -> new UnifiedDataType.UuidType();
            default -> new UnifiedDataType.CustomType(columnType == null || columnType.isBlank() ? dataType : columnType);
        };
    }

    /** {@code bit(1)} is a flag; wider bit fields are bytes. */
    private static UnifiedDataType bit(String declared) {
        int open = declared.indexOf('(');
        int bits = open < 0 ? 1 : Integer.parseInt(declared.substring(open + 1, declared.indexOf(')', open)).trim());
        return bits == 1 ? new UnifiedDataType.BooleanType() : new UnifiedDataType.BinaryType((bits + 7) / 8);
    }

    private static Integer precision(Long precision) {
        return precision == null || precision < 1 ? null : (int) Math.min(255, precision);
    }

    private static Integer length(Long maxLength) {
        return maxLength == null || maxLength < 1 || maxLength > Integer.MAX_VALUE ? null : maxLength.intValue();
    }
}
