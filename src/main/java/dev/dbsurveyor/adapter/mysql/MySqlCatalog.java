package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.adapter.StageResults;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.MySqlRow;

import java.util.List;
import java.util.Map;

/**
 * What the reads of a batch of databases returned: each stage's rows (its {@link MySqlCatalogRows}
 * records) grouped by database, or why the stage failed (for every database of the batch), and for
 * stages that were retried how often.
 */
record MySqlCatalog(StageResults<MySqlStage, Map<String, List<MySqlRow>>> stages) {

    /** The rows of {@code stage} for one database as their record type; empty when it has none or the stage failed. */
    <T extends MySqlRow> List<T> rows(MySqlStage stage, String database, Class<T> type) {
        return stages.results().getOrDefault(stage, Map.of()).getOrDefault(database, List.of()).stream().map(type::cast).toList();
    }

    boolean read(MySqlStage stage) {
        return stages.read(stage);
    }
}
