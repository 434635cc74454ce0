package dev.dbsurveyor.sweep;

/**
 * Where a sweep stands: databases done out of those enumerated, and the figures of the
 * per-database times so far (collected and failed databases) with the rate since the sweep began.
 */
public record SweepProgress(int done, int total, int collected, int failed, int skipped, int filtered,
                            double averageMs, long maxMs, long p95Ms, double databasesPerSecond) {
}
