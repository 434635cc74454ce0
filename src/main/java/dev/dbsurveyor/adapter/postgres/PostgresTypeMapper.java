package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.model.UnifiedDataType;

/**
 * Maps a PostgreSQL type to the unified type set. Built-in types map by name and type modifier;
 * types of user schemas (enums, domains, composites, ranges, extension types) and built-ins
 * without a unified counterpart (interval, inet, geometric, tsvector, xml, bit…) become
 * {@code Custom} named as PostgreSQL writes them. Every result is valid for the v1.0 schema.
 */
final class PostgresTypeMapper {

    private static final int VARHDRSZ = 4;
    private static final int NAME_LENGTH = 63;

    private PostgresTypeMapper() {
    }

    /** The unified type of a column, parameter or attribute; {@code dimensions} above 1 nest arrays. */
    static UnifiedDataType map(PostgresCatalogRows.TypeRef type, int dimensions) {
        if (type.isArray() && type.element() != null) {
            UnifiedDataType mapped = scalar(type.element(), Boolean.TRUE.equals(type.elementBuiltin()), type.modifier(),
                    elementNativeType(type.nativeType()));
            for (int depth = 0; depth < Math.max(1, dimensions); depth++) {
                mapped = new UnifiedDataType.ArrayType(mapped);
            }
            return mapped;
        }
        return scalar(type.name(), type.builtin(), type.modifier(), type.nativeType());
    }

    static UnifiedDataType map(PostgresCatalogRows.TypeRef type) {
        return map(type, 1);
    }

    private static UnifiedDataType scalar(String name, boolean builtin, int modifier, String nativeType) {
        if (!builtin) {
            return new UnifiedDataType.CustomType(nativeType);
        }
        return switch (name) {
            case "bool" -> new UnifiedDataType.BooleanType();
            case "int2" -> new UnifiedDataType.IntegerType(16, true);
            case "int4" -> new UnifiedDataType.IntegerType(32, true);
            case "int8" -> new UnifiedDataType.IntegerType(64, true);
            case "oid" -> new UnifiedDataType.IntegerType(32, false);
            case "numeric" -> numeric(modifier);
            case "float4" -> new UnifiedDataType.FloatType(24);
            case "float8" -> new UnifiedDataType.FloatType(53);
            case "money" -> new UnifiedDataType.FloatType(null);
            case "varchar", "bpchar" -> new UnifiedDataType.StringType(modifier >= VARHDRSZ + 1 ? modifier - VARHDRSZ : null);
            case "text" -> new UnifiedDataType.StringType(null);
            case "char" -> new UnifiedDataType.StringType(1);
            case "name" -> new UnifiedDataType.StringType(NAME_LENGTH);
            case "bytea" -> new UnifiedDataType.BinaryType(null);
            case "date" -> new UnifiedDataType.DateType();
            case "time" -> new UnifiedDataType.TimeType(false);
            case "timetz" -> new UnifiedDataType.TimeType(true);
            case "timestamp" -> new UnifiedDataType.DateTimeType(false);
            case "timestamptz" -> new UnifiedDataType.DateTimeType(true);
            case "json", "jsonb" -> new UnifiedDataType.JsonType();
            case "uuid" -> new UnifiedDataType.UuidType();
            default -> new UnifiedDataType.CustomType(nativeType);
        };
    }

    /**
     * numeric(p, s) with no fractional digits is an integer of the width its digits need;
     * anything else, or more than 38 digits, is a Float of precision p (unknown above 255).
     */
    private static UnifiedDataType numeric(int modifier) {
        if (modifier < VARHDRSZ) {
            return new UnifiedDataType.FloatType(null);
        }
        int precision = ((modifier - VARHDRSZ) >> 16) & 0xffff;
        int scale = (((modifier - VARHDRSZ) & 0x7ff) ^ 1024) - 1024;
        if (scale <= 0) {
            int digits = precision - scale;
            if (digits <= 2) {
                return new UnifiedDataType.IntegerType(8, true);
            }
            if (digits <= 4) {
                return new UnifiedDataType.IntegerType(16, true);
            }
            if (digits <= 9) {
                return new UnifiedDataType.IntegerType(32, true);
            }
            if (digits <= 18) {
                return new UnifiedDataType.IntegerType(64, true);
            }
            if (digits <= 38) {
                return new UnifiedDataType.IntegerType(128, true);
            }
        }
        return new UnifiedDataType.FloatType(precision >= 1 && precision <= 255 ? precision : null);
    }

    private static String elementNativeType(String arrayNativeType) {
        String element = arrayNativeType;
        while (element.endsWith("[]")) {
            element = element.substring(0, element.length() - 2);
        }
        return element;
    }
}
