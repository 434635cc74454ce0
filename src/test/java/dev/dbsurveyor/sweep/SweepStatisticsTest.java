package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.ErrorCategory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SweepStatisticsTest {

    @Test
    void runningFiguresEqualThoseComputedFromAllDurations() {
        Random random = new Random(42);
        SweepStatistics statistics = new SweepStatistics(1000, System.nanoTime());
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long millis = random.nextInt(5000);
            seen.add(millis);
            SweepProgress progress = statistics.record(new DatabaseOutcome.Failed(
                    new DatabaseFailure("db" + i, "x", ErrorCategory.OTHER, true, 3), Duration.ofMillis(millis)));

            List<Long> sorted = new ArrayList<>(seen);
            Collections.sort(sorted);
            assertThat(progress.p95Ms()).isEqualTo(sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1));
            assertThat(progress.maxMs()).isEqualTo(sorted.get(sorted.size() - 1));
            assertThat(progress.averageMs()).isCloseTo(seen.stream().mapToLong(Long::longValue).average().orElseThrow(),
                    org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void skippedAndFilteredDatabasesAreCountedButNotTimed() {
        SweepStatistics statistics = new SweepStatistics(2, System.nanoTime());

        statistics.record(new DatabaseOutcome.Skipped("a", "no CONNECT"));
        SweepProgress progress = statistics.record(new DatabaseOutcome.Filtered("b", "system database"));

        assertThat(progress.done()).isEqualTo(2);
        assertThat(progress.skipped()).isEqualTo(1);
        assertThat(progress.filtered()).isEqualTo(1);
        assertThat(progress.p95Ms()).isZero();
        assertThat(progress.averageMs()).isZero();
    }
}
