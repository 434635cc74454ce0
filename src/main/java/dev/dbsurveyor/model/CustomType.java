package dev.dbsurveyor.model;

import java.util.List;

/**
 * A user-defined type. {@code enumLabels}, {@code baseType} (of a domain) and
 * {@code attributes} (of a composite) are additions to v1.0.
 */
public record CustomType(
        String name,
        String schema,
        String definition,
        TypeCategory category,
        List<String> enumLabels,
        String baseType,
        List<CompositeAttribute> attributes) {

    public CustomType {
        Require.text(name, "name");
        Require.present(definition, "definition");
        Require.present(category, "category");
        enumLabels = Require.list(enumLabels);
        attributes = Require.list(attributes);
    }
}
