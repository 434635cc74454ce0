package dev.dbsurveyor.model;

/** Names a table by schema and name, kept apart so that dots in names stay unambiguous. */
public record TableReference(String schema, String name) {

    public TableReference {
        Require.text(name, "name");
    }
}
