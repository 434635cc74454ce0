package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.DurationStats;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.ObjectType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts a sweep's outcomes as they pass, keeping only numbers (never documents): the running
 * progress, the slowest databases, and at the end the sweep's metadata. The one place where a
 * sweep's figures are computed. Thread-safe.
 */
public final class SweepTally {

    /** A database and how long it took. */
    public record Timed(String database, Duration duration) {
    }

    private static final int SLOWEST = 5;

    private final DurationStatistics durations = new DurationStatistics();
    private final List<Timed> slowest = new ArrayList<>();
    private final DatabaseOutcome.Visitor<Void> counting = new Counting();
    private int collected;
    private int failed;
    private int skipped;
    private int filtered;
    private int withTableFailures;

    /**
     * Whether a document misses part of a table's schema, which {@code --strict} treats as a
     * failure. A sample that could not be read is not: the table's schema is whole, and roles
     * that may read the catalog but not every table's rows are common.
     */
    public static boolean hasTableFailures(DatabaseSchema schema) {
        return schema.collectionMetadata().objectFailures().stream()
                .anyMatch(failure -> failure.objectType() == ObjectType.TABLE && failure.stage() != CollectionStage.SAMPLE_DATA);
    }

    /** Counts one outcome. */
    public synchronized void add(DatabaseOutcome outcome) {
        outcome.accept(counting);
        outcome.attemptDuration().ifPresent(duration -> time(outcome.database(), duration));
    }

    private void time(String database, Duration duration) {
        durations.add(duration.toMillis());
        slowest.add(new Timed(database, duration));
        slowest.sort(Comparator.comparing(Timed::duration).reversed());
        if (slowest.size() > SLOWEST) {
            slowest.remove(slowest.size() - 1);
        }
    }

    public synchronized int collected() {
        return collected;
    }

    public synchronized int failed() {
        return failed;
    }

    public synchronized int skipped() {
        return skipped;
    }

    public synchronized int filtered() {
        return filtered;
    }

    /** Collected databases whose document lists an object failure of a table. */
    public synchronized int withTableFailures() {
        return withTableFailures;
    }

    /** The five slowest databases, slowest first. */
    public synchronized List<Timed> slowest() {
        return List.copyOf(slowest);
    }

    /** Where a sweep of {@code total} enumerated databases stands after {@code elapsed}. */
    public synchronized SweepProgress progress(int total, Duration elapsed) {
        return new SweepProgress(collected + failed + skipped + filtered, total, collected, failed, skipped, filtered,
                durations.average(), durations.max(), durations.p95(), perSecond(elapsed));
    }

    /** Figures of the per-database durations, or null when no database was attempted. */
    public synchronized DurationStats durationStats(Duration wall) {
        if (durations.count() == 0) {
            return null;
        }
        return new DurationStats(durations.average(), durations.max(), durations.p95(), perSecond(wall));
    }

    private double perSecond(Duration elapsed) {
        return durations.count() / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    /** The sweep's metadata from what was counted. */
    public synchronized MultiDatabaseMetadata metadata(Instant startedAt, Duration wall, int maxConcurrency, List<String> warnings) {
        return metadata(startedAt, wall, maxConcurrency, 0, 0, warnings);
    }

    /**
     * The metadata of an interrupted sweep: {@code notReached} selected databases count as skipped,
     * {@code notFiltered} databases the filters would have left out (but had not yet) as filtered.
     */
    public synchronized MultiDatabaseMetadata metadata(Instant startedAt, Duration wall, int maxConcurrency, int notReached,
                                                       int notFiltered, List<String> warnings) {
        int discovered = collected + failed + skipped + filtered + notReached + notFiltered;
        return new MultiDatabaseMetadata(startedAt, wall.toMillis(), discovered, filtered + notFiltered, collected, failed,
                skipped + notReached, maxConcurrency, Sweep.COLLECTOR_VERSION, warnings, durationStats(wall));
    }

    /** The counts each kind of outcome adds to; called under the tally's lock. */
    private final class Counting implements DatabaseOutcome.Visitor<Void> {
        @Override
        public Void collected(DatabaseOutcome.Collected outcome) {
            collected++;
            if (hasTableFailures(outcome.schema())) {
                withTableFailures++;
            }
            return null;
        }

        @Override
        public Void failed(DatabaseOutcome.Failed outcome) {
            failed++;
            return null;
        }

        @Override
        public Void skipped(DatabaseOutcome.Skipped outcome) {
            skipped++;
            return null;
        }

        @Override
        public Void filtered(DatabaseOutcome.Filtered outcome) {
            filtered++;
            return null;
        }
    }
}
