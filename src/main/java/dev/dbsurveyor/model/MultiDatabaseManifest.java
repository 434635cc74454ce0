package dev.dbsurveyor.model;

import java.util.List;

/** The manifest of a per-database output directory, written after every database file. */
public record MultiDatabaseManifest(
        String formatVersion,
        ServerInfo serverInfo,
        List<ManifestEntry> databases,
        MultiDatabaseMetadata collectionMetadata) {

    public MultiDatabaseManifest {
        formatVersion = FormatVersions.require(formatVersion);
        Require.present(serverInfo, "server_info");
        databases = Require.list(databases);
        Require.present(collectionMetadata, "collection_metadata");
    }
}
