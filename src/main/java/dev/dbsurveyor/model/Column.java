package dev.dbsurveyor.model;

/**
 * A column of a table or view. {@code ordinalPosition} counts from 1. {@code nativeType}, an
 * addition to v1.0, is the type exactly as the engine declares it ({@code character varying(255)}).
 */
public record Column(
        String name,
        UnifiedDataType dataType,
        boolean isNullable,
        boolean isPrimaryKey,
        boolean isAutoIncrement,
        String defaultValue,
        String comment,
        int ordinalPosition,
        String nativeType) {

    public Column {
        Require.text(name, "name");
        Require.present(dataType, "data_type");
        if (ordinalPosition < 1) {
            throw new IllegalArgumentException("ordinal_position counts from 1: " + ordinalPosition);
        }
    }
}
