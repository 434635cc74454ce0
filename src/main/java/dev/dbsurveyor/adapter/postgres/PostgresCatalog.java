package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.StageResults;

import java.util.List;

/**
 * What the reads of a PostgreSQL database's catalog returned: each stage's rows (its
 * {@link PostgresCatalogRows} records), or why the stage failed, and for stages that were retried how often.
 */
record PostgresCatalog(StageResults<PostgresStage, List<Object>> stages) {

    /** A stage's rows as their record type; empty when the stage failed. */
    <T> List<T> rows(PostgresStage stage, Class<T> type) {
        return stages.results().getOrDefault(stage, List.of()).stream().map(type::cast).toList();
    }

    boolean read(PostgresStage stage) {
        return stages.read(stage);
    }
}
