package dev.dbsurveyor.adapter.postgres;

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
        Map<CatalogStage, List<Object>> mergedResults = new java.util.EnumMap<>(CatalogStage.class);
        Map<CatalogStage, Throwable> mergedFailures = new java.util.EnumMap<>(CatalogStage.class);
        Map<CatalogStage, StageRetry> mergedRetries = new java.util.EnumMap<>(CatalogStage.class);
        mergedResults.putAll(results);
        mergedFailures.putAll(failures);
        mergedRetries.putAll(retries);
        later.results().forEach((stage, rows) -> {
            mergedFailures.remove(stage);
            mergedResults.put(stage, rows);
            mergedRetries.put(stage, retry);
        });
        later.failures().forEach((stage, error) -> {
            mergedFailures.put(stage, error);
            mergedRetries.put(stage, retry);
        });
        return new CatalogSnapshot(mergedResults, mergedFailures, mergedRetries);
    }

    /** A stage's rows as their record type; empty when the stage failed. */
    <T> List<T> rows(CatalogStage stage, Class<T> type) {
        return results.getOrDefault(stage, List.of()).stream().map(type::cast).toList();
    }
}
