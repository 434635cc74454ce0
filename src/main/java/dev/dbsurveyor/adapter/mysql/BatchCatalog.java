package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.adapter.StageMaps;
import dev.dbsurveyor.adapter.StageRetry;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the reads of a batch of databases returned: each stage's rows grouped by database, or why
 * the stage failed (for every database of the batch), and how often failed stages were retried.
 * Every stage asked for is in exactly one of the first two maps.
 */
record BatchCatalog(Map<MySqlStage, Map<String, List<InfoRow>>> results, Map<MySqlStage, Throwable> failures,
                    Map<MySqlStage, StageRetry> retries) {

    BatchCatalog {
        results = Map.copyOf(results);
        failures = Map.copyOf(failures);
        retries = Map.copyOf(retries);
    }

    /** A catalog from each stage's rows (grouped here by their {@code schema_name}) and failures. */
    static BatchCatalog of(Map<MySqlStage, List<InfoRow>> rows, Map<MySqlStage, Throwable> failures) {
        Map<MySqlStage, Map<String, List<InfoRow>>> grouped = new EnumMap<>(MySqlStage.class);
        rows.forEach((stage, stageRows) -> grouped.put(stage, stageRows.stream().collect(Collectors.groupingBy(InfoRow::schema))));
        return new BatchCatalog(grouped, failures, Map.of());
    }

    /** This catalog with the stages of a later read replacing what they were, and their retry recorded. */
    BatchCatalog merge(BatchCatalog later, StageRetry retry) {
        StageMaps<MySqlStage, Map<String, List<InfoRow>>> merged = new StageMaps<>(results, failures, retries)
                .merge(later.results(), later.failures(), retry);
        return new BatchCatalog(merged.results(), merged.failures(), merged.retries());
    }

    /** The rows of {@code stage} for one database; empty when it has none or the stage failed. */
    List<InfoRow> rows(MySqlStage stage, String database) {
        return results.getOrDefault(stage, Map.of()).getOrDefault(database, List.of());
    }

    boolean read(MySqlStage stage) {
        return results.containsKey(stage);
    }
}
