package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.adapter.StageResults;

import java.util.List;
import java.util.Map;

/**
 * What the reads of a batch of databases returned: each stage's rows grouped by database, or why
 * the stage failed (for every database of the batch), and for stages that were retried how often.
 */
record MySqlCatalog(StageResults<MySqlStage, Map<String, List<InfoRow>>> stages) {

    /** The rows of {@code stage} for one database; empty when it has none or the stage failed. */
    List<InfoRow> rows(MySqlStage stage, String database) {
        return stages.results().getOrDefault(stage, Map.of()).getOrDefault(database, List.of());
    }

    boolean read(MySqlStage stage) {
        return stages.read(stage);
    }
}
