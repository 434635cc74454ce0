package dev.dbsurveyor.adapter;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StageMapsTest {

    @Test
    void aLaterReadReplacesWhatItReadAgainAndRecordsItsRetry() {
        IllegalStateException timeout = new IllegalStateException("timeout");
        IllegalStateException again = new IllegalStateException("again");
        StageMaps<String, Integer> first = new StageMaps<>(Map.of("tables", 3), Map.of("columns", timeout, "indexes", timeout), Map.of());
        StageRetry retry = new StageRetry(1, Duration.ofMillis(500));

        StageMaps<String, Integer> merged = first.merge(Map.of("columns", 9), Map.of("indexes", again), retry);

        assertThat(merged.results()).isEqualTo(Map.of("tables", 3, "columns", 9));
        assertThat(merged.failures()).isEqualTo(Map.of("indexes", again));
        assertThat(merged.retries()).isEqualTo(Map.of("columns", retry, "indexes", retry));
    }
}
