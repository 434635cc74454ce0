package dev.dbsurveyor.model;

/** One attribute of a composite type, in declaration order. */
public record CompositeAttribute(String name, UnifiedDataType dataType, String nativeType) {

    public CompositeAttribute {
        Require.text(name, "name");
        Require.present(dataType, "data_type");
    }
}
