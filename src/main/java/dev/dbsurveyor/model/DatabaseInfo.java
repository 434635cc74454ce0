package dev.dbsurveyor.model;

/** What a document says about the database itself, and how its collection ended. */
public record DatabaseInfo(
        String name,
        String version,
        Long sizeBytes,
        String encoding,
        String collation,
        String owner,
        boolean isSystemDatabase,
        AccessLevel accessLevel,
        CollectionStatus collectionStatus) {

    public DatabaseInfo {
        Require.text(name, "name");
        Require.nonNegative(sizeBytes, "size_bytes");
        Require.present(accessLevel, "access_level");
        Require.present(collectionStatus, "collection_status");
    }
}
