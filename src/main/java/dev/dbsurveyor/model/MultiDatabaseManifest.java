package dev.dbsurveyor.model;

import java.util.List;

/**
 * The manifest of a per-database output directory, written after every database file. Collected,
 * failed and skipped databases each have an entry and a file; {@code filtered} (an addition) lists
 * the databases the configuration left out.
 */
public record MultiDatabaseManifest(
        String formatVersion,
        ServerInfo serverInfo,
        List<ManifestEntry> databases,
        MultiDatabaseMetadata collectionMetadata,
        List<SkippedDatabase> filtered) {

    public MultiDatabaseManifest {
        formatVersion = FormatVersions.require(formatVersion);
        Require.present(serverInfo, "server_info");
        databases = Require.list(databases);
        Require.present(collectionMetadata, "collection_metadata");
        filtered = Require.list(filtered);
    }
}
