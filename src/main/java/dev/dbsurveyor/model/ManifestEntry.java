package dev.dbsurveyor.model;

import java.time.Instant;

/**
 * One database of a per-database output directory: its document's file name (relative to the
 * directory), how its collection ended, and how many objects failed inside it. The history fields
 * are additions: {@code attempts} counts the runs that tried to read the database (a missing value
 * reads as 1 for a collected or failed entry and 0 for a skipped one), {@code lastAttemptAt} is
 * when the latest of them started (null when unknown or never tried), and {@code staleSince} is
 * when a resume found the database gone from the server (null while it exists; the file is then
 * the last one collected).
 */
public record ManifestEntry(
        String name,
        String file,
        CollectionStatus status,
        long collectionDurationMs,
        int objectFailureCount,
        Integer attempts,
        Instant lastAttemptAt,
        Instant staleSince) {

    public ManifestEntry {
        Require.text(name, "name");
        Require.text(file, "file");
        if (file.contains("/") || file.contains("\\") || file.equals(".") || file.equals("..")) {
            throw new IllegalArgumentException("file must be a plain file name inside the output directory: " + file);
        }
        Require.present(status, "status");
        Require.nonNegative(collectionDurationMs, "collection_duration_ms");
        Require.nonNegative(objectFailureCount, "object_failure_count");
        if (attempts == null) {
            attempts = status instanceof CollectionStatus.Skipped ? 0 : 1;
        }
        Require.nonNegative(attempts, "attempts");
    }

    /** An entry of a single run, without history: one attempt unless the database was skipped. */
    public ManifestEntry(String name, String file, CollectionStatus status, long collectionDurationMs, int objectFailureCount) {
        this(name, file, status, collectionDurationMs, objectFailureCount, null, null, null);
    }

    /** Whether the database was gone from the server when this entry was last looked at. */
    public boolean stale() {
        return staleSince != null;
    }

    /** This entry, marked as gone from the server since {@code since} (an entry already marked keeps its date). */
    public ManifestEntry staleFrom(Instant since) {
        return stale() ? this : new ManifestEntry(name, file, status, collectionDurationMs, objectFailureCount, attempts, lastAttemptAt, since);
    }

    /** This entry with one more attempt, started at {@code at}, that left its status and file as they were. */
    public ManifestEntry attemptedAgain(Instant at) {
        return new ManifestEntry(name, file, status, collectionDurationMs, objectFailureCount, attempts + 1, at, staleSince);
    }
}
