package dev.dbsurveyor.adapter.postgres;

import java.util.Map;

/**
 * What one read of a database's catalog returned: each stage's JSON, or why the stage failed.
 * Every stage asked for is in exactly one of the two maps.
 */
record CatalogSnapshot(Map<CatalogStage, String> results, Map<CatalogStage, Throwable> failures) {

    CatalogSnapshot {
        results = Map.copyOf(results);
        failures = Map.copyOf(failures);
    }
}
