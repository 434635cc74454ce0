package dev.dbsurveyor.adapter.postgres;

import java.util.List;
import java.util.Map;

/**
 * What one read of a database's catalog returned: each stage's rows, or why the stage failed.
 * Every stage asked for is in exactly one of the two maps.
 */
record CatalogSnapshot(Map<CatalogStage, List<Object>> results, Map<CatalogStage, Throwable> failures) {

    CatalogSnapshot {
        results = Map.copyOf(results);
        failures = Map.copyOf(failures);
    }

    /** A stage's rows as their record type; empty when the stage failed. */
    <T> List<T> rows(CatalogStage stage, Class<T> type) {
        return results.getOrDefault(stage, List.of()).stream().map(type::cast).toList();
    }
}
