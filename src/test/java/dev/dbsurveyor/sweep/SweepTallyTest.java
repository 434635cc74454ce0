package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.DurationStats;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The one place a sweep's figures are computed: running progress and final metadata agree with figures computed from all durations. */
class SweepTallyTest {

    private static DatabaseOutcome.Failed failed(String database, long millis) {
        return new DatabaseOutcome.Failed(new DatabaseFailure(database, "x", ErrorCategory.OTHER, true, 3), Duration.ofMillis(millis));
    }

    @Test
    void runningFiguresEqualThoseComputedFromAllDurations() {
        Random random = new Random(42);
        SweepTally tally = new SweepTally();
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long millis = random.nextInt(5000);
            seen.add(millis);
            tally.add(failed("db" + i, millis));
            SweepProgress progress = tally.progress(1000, Duration.ofSeconds(10));

            List<Long> sorted = new ArrayList<>(seen);
            Collections.sort(sorted);
            long p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
            double average = seen.stream().mapToLong(Long::longValue).average().orElseThrow();
            assertThat(progress.p95Ms()).isEqualTo(p95);
            assertThat(progress.maxMs()).isEqualTo(sorted.get(sorted.size() - 1));
            assertThat(progress.averageMs()).isCloseTo(average, Offset.offset(1e-6));
            assertThat(progress.databasesPerSecond()).isCloseTo((i + 1) / 10.0, Offset.offset(1e-9));
            DurationStats stats = tally.durationStats(Duration.ofSeconds(10));
            assertThat(stats.p95Ms()).isEqualTo(p95);
            assertThat(stats.averageMs()).isCloseTo(average, Offset.offset(1e-6));
        }
    }

    @Test
    void skippedAndFilteredDatabasesAreCountedButNotTimed() {
        SweepTally tally = new SweepTally();

        tally.add(new DatabaseOutcome.Skipped("a", "no CONNECT"));
        tally.add(new DatabaseOutcome.Filtered("b", "system database"));
        SweepProgress progress = tally.progress(2, Duration.ofSeconds(1));

        assertThat(progress.done()).isEqualTo(2);
        assertThat(progress.skipped()).isEqualTo(1);
        assertThat(progress.filtered()).isEqualTo(1);
        assertThat(progress.p95Ms()).isZero();
        assertThat(progress.averageMs()).isZero();
        assertThat(tally.durationStats(Duration.ofSeconds(1))).isNull();
        assertThat(tally.slowest()).isEmpty();
    }

    @Test
    void everyKindOfOutcomeIsCountedAsItselfInTheMetadata() {
        SweepTally tally = new SweepTally();
        tally.add(failed("f", 30));
        tally.add(new DatabaseOutcome.Skipped("s1", "no CONNECT"));
        tally.add(new DatabaseOutcome.Skipped("s2", "no CONNECT"));
        tally.add(new DatabaseOutcome.Filtered("x1", "system database"));
        tally.add(new DatabaseOutcome.Filtered("x2", "system database"));
        tally.add(new DatabaseOutcome.Filtered("x3", "system database"));

        MultiDatabaseMetadata metadata = tally.metadata(Instant.EPOCH, Duration.ofSeconds(1), 4, List.of());

        assertThat(List.of(metadata.databasesDiscovered(), metadata.databasesCollected(), metadata.databasesFailed(),
                metadata.databasesSkipped(), metadata.databasesFiltered()))
                .containsExactly(6, 0, 1, 2, 3);
        assertThat(tally.slowest()).extracting(SweepTally.Timed::database).containsExactly("f");
    }

    @Test
    void theSlowestAreTheFiveLongestAttempts() {
        SweepTally tally = new SweepTally();
        for (int i = 0; i < 20; i++) {
            tally.add(failed("db" + i, (i * 7) % 20));
        }

        assertThat(tally.slowest()).extracting(timed -> timed.duration().toMillis()).containsExactly(19L, 18L, 17L, 16L, 15L);
    }
}
