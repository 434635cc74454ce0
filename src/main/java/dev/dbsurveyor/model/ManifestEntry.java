package dev.dbsurveyor.model;

/**
 * One database of a per-database output directory: its document's file name (relative to the
 * directory), how its collection ended, and how many objects failed inside it.
 */
public record ManifestEntry(
        String name,
        String file,
        CollectionStatus status,
        long collectionDurationMs,
        int objectFailureCount) {

    public ManifestEntry {
        Require.text(name, "name");
        Require.text(file, "file");
        if (file.contains("/") || file.contains("\\") || file.equals(".") || file.equals("..")) {
            throw new IllegalArgumentException("file must be a plain file name inside the output directory: " + file);
        }
        Require.present(status, "status");
        Require.nonNegative(collectionDurationMs, "collection_duration_ms");
        Require.nonNegative(objectFailureCount, "object_failure_count");
    }
}
