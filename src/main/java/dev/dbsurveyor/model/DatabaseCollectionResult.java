package dev.dbsurveyor.model;

/** One collected database inside a {@link MultiDatabaseResult}. */
public record DatabaseCollectionResult(String databaseName, DatabaseSchema schema, long collectionDurationMs) {

    public DatabaseCollectionResult {
        Require.text(databaseName, "database_name");
        Require.present(schema, "schema");
        Require.nonNegative(collectionDurationMs, "collection_duration_ms");
    }
}
