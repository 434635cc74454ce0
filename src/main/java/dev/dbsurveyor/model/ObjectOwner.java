package dev.dbsurveyor.model;

/** Who owns an object; an addition to v1.0. {@code schema} is null for a database or a schema. */
public record ObjectOwner(GrantObject objectType, String schema, String name, String owner) {

    public ObjectOwner {
        Require.present(objectType, "object_type");
        Require.text(name, "name");
        Require.text(owner, "owner");
    }
}
