package dev.dbsurveyor.model;

/**
 * Figures of the per-database collection times of a sweep (collected and failed databases), and
 * its rate in databases per second of wall time.
 */
public record DurationStats(double averageMs, long maxMs, long p95Ms, double databasesPerSecond) {

    public DurationStats {
        if (averageMs < 0 || databasesPerSecond < 0 || Double.isNaN(averageMs) || Double.isNaN(databasesPerSecond)) {
            throw new IllegalArgumentException("duration figures must be numbers that are not negative");
        }
        Require.nonNegative(maxMs, "max_ms");
        Require.nonNegative(p95Ms, "p95_ms");
    }
}
