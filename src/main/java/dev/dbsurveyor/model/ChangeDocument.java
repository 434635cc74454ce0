package dev.dbsurveyor.model;

import java.util.List;

/**
 * A change document: what differs between two collections, database by database, in name order.
 * Databases that do not differ are counted in the summary and not listed. Written while the
 * comparison streams; this record is the whole of one, for embedding and tests.
 */
public record ChangeDocument(
        String formatVersion,
        DiffInput old,
        @com.fasterxml.jackson.annotation.JsonProperty("new") DiffInput newInput,
        DiffOptions options,
        List<DatabaseDiff> databases,
        DiffSummary summary) {

    public ChangeDocument {
        formatVersion = FormatVersions.require(formatVersion);
        Require.present(old, "old");
        Require.present(newInput, "new");
        Require.present(options, "options");
        databases = Require.list(databases);
        Require.present(summary, "summary");
    }
}
