package dev.dbsurveyor.model;

import java.time.Instant;
import java.util.List;

/**
 * Figures of a whole sweep. Every enumerated database is counted once:
 * {@code databasesDiscovered = databasesFiltered + databasesSkipped + databasesCollected + databasesFailed}.
 * {@code durationStats}, an addition, is null when no database was attempted.
 */
public record MultiDatabaseMetadata(
        Instant startedAt,
        long totalDurationMs,
        int databasesDiscovered,
        int databasesFiltered,
        int databasesCollected,
        int databasesFailed,
        int databasesSkipped,
        int maxConcurrency,
        String collectorVersion,
        List<String> warnings,
        DurationStats durationStats) {

    public MultiDatabaseMetadata {
        Require.present(startedAt, "started_at");
        Require.nonNegative(totalDurationMs, "total_duration_ms");
        Require.nonNegative(databasesDiscovered, "databases_discovered");
        Require.nonNegative(databasesFiltered, "databases_filtered");
        Require.nonNegative(databasesCollected, "databases_collected");
        Require.nonNegative(databasesFailed, "databases_failed");
        Require.nonNegative(databasesSkipped, "databases_skipped");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max_concurrency must be at least 1: " + maxConcurrency);
        }
        Require.text(collectorVersion, "collector_version");
        warnings = Require.list(warnings);
        long accounted = (long) databasesFiltered + databasesSkipped + databasesCollected + databasesFailed;
        if (accounted != databasesDiscovered) {
            throw new IllegalArgumentException("databases_discovered (" + databasesDiscovered
                    + ") must equal filtered + skipped + collected + failed (" + accounted + ")");
        }
    }
}
