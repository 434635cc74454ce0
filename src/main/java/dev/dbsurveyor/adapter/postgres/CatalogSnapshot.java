package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.StageMaps;
import dev.dbsurveyor.adapter.StageRetry;

import java.util.List;
import java.util.Map;

/**
 * What the reads of a database's catalog returned: each stage's rows, or why the stage failed,
 * and for stages that were retried how often. Every stage asked for is in exactly one of the
 * first two maps.
 */
record CatalogSnapshot(Map<CatalogStage, List<Object>> results, Map<CatalogStage, Throwable> failures,
                       Map<CatalogStage, StageRetry> retries) {

    CatalogSnapshot {
        results = Map.copyOf(results);
        failures = Map.copyOf(failures);
        retries = Map.copyOf(retries);
    }

    CatalogSnapshot(Map<CatalogStage, List<Object>> results, Map<CatalogStage, Throwable> failures) {
        this(results, failures, Map.of());
    }

    /** This snapshot with the stages of a later read replacing what they were, and their retry recorded. */
    CatalogSnapshot merge(CatalogSnapshot later, StageRetry retry) {
        StageMaps<CatalogStage, List<Object>> merged = new StageMaps<>(results, failures, retries)
                .merge(later.results(), later.failures(), retry);
        return new CatalogSnapshot(merged.results(), merged.failures(), merged.retries());
    }

    /** A stage's rows as their record type; empty when the stage failed. */
    <T> List<T> rows(CatalogStage stage, Class<T> type) {
        return results.getOrDefault(stage, List.of()).stream().map(type::cast).toList();
    }
}
