package dev.dbsurveyor.model;

import java.util.List;

/**
 * A procedure or function (the v1.0 format gives both one shape). {@code returnNativeType}, an
 * addition to v1.0, is the declared return type exactly as the engine writes it.
 */
public record Routine(
        String name,
        String schema,
        String definition,
        List<Parameter> parameters,
        UnifiedDataType returnType,
        String language,
        String comment,
        String returnNativeType) {

    public Routine {
        Require.text(name, "name");
        parameters = Require.list(parameters);
    }
}
