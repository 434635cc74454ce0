package dev.dbsurveyor.model;

import java.util.List;

/** The bundle: a whole server sweep in one file. */
public record MultiDatabaseResult(
        String formatVersion,
        ServerInfo serverInfo,
        List<DatabaseCollectionResult> databases,
        List<DatabaseFailure> failures,
        MultiDatabaseMetadata collectionMetadata) {

    public MultiDatabaseResult {
        formatVersion = FormatVersions.require(formatVersion);
        Require.present(serverInfo, "server_info");
        databases = Require.list(databases);
        failures = Require.list(failures);
        Require.present(collectionMetadata, "collection_metadata");
    }
}
