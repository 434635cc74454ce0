package dev.dbsurveyor.model;

import java.util.List;

/**
 * The bundle: a whole server sweep in one file. {@code skipped} (not accessible) and
 * {@code filtered} (left out by the configuration) are additions, so that every enumerated
 * database appears in the file exactly once.
 */
public record MultiDatabaseResult(
        String formatVersion,
        ServerInfo serverInfo,
        List<DatabaseCollectionResult> databases,
        List<DatabaseFailure> failures,
        MultiDatabaseMetadata collectionMetadata,
        List<SkippedDatabase> skipped,
        List<SkippedDatabase> filtered) {

    public MultiDatabaseResult {
        formatVersion = FormatVersions.require(formatVersion);
        Require.present(serverInfo, "server_info");
        databases = Require.list(databases);
        failures = Require.list(failures);
        Require.present(collectionMetadata, "collection_metadata");
        skipped = Require.list(skipped);
        filtered = Require.list(filtered);
    }
}
