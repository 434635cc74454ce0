package dev.dbsurveyor.model;

/** A routine parameter; {@code nativeType} is an addition to v1.0. An unnamed parameter has an empty name. */
public record Parameter(
        String name,
        UnifiedDataType dataType,
        ParameterDirection direction,
        String defaultValue,
        String nativeType) {

    public Parameter {
        Require.present(name, "name");
        Require.present(dataType, "data_type");
        Require.present(direction, "direction");
    }
}
