package dev.dbsurveyor.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The manifest of a per-database output directory, written after every database file. Collected,
 * failed and skipped databases each have an entry and a file; {@code filtered} (an addition) lists
 * the databases the configuration left out, and {@code filters} (an addition, null when not
 * recorded) the filters of the run that wrote it. No database has two entries, no two entries
 * share a file, and no entry is also listed as filtered.
 */
public record MultiDatabaseManifest(
        String formatVersion,
        ServerInfo serverInfo,
        List<ManifestEntry> databases,
        MultiDatabaseMetadata collectionMetadata,
        List<SkippedDatabase> filtered,
        SweepFilters filters) {

    public MultiDatabaseManifest {
        formatVersion = FormatVersions.require(formatVersion);
        Require.present(serverInfo, "server_info");
        databases = Require.list(databases);
        Require.present(collectionMetadata, "collection_metadata");
        filtered = Require.list(filtered);
        Set<String> names = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (ManifestEntry entry : databases) {
            if (!names.add(entry.name())) {
                throw new IllegalArgumentException("databases lists " + entry.name() + " twice");
            }
            if (!files.add(entry.file())) {
                throw new IllegalArgumentException("two databases share the file " + entry.file());
            }
        }
        for (SkippedDatabase database : filtered) {
            if (names.contains(database.databaseName())) {
                throw new IllegalArgumentException(database.databaseName() + " is both an entry and filtered");
            }
        }
    }

    /** A manifest that does not record its run's filters. */
    public MultiDatabaseManifest(String formatVersion, ServerInfo serverInfo, List<ManifestEntry> databases,
                                 MultiDatabaseMetadata collectionMetadata, List<SkippedDatabase> filtered) {
        this(formatVersion, serverInfo, databases, collectionMetadata, filtered, null);
    }
}
