package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.StageResults;
import dev.dbsurveyor.adapter.StageRows;
import dev.dbsurveyor.retry.ErrorClassifier;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads catalog stages of one database in one {@code REPEATABLE READ READ ONLY} transaction, so
 * the stages see one snapshot, and in as few round trips as possible: all stages go to the server
 * as one simple-query string (no bind parameters, so PostgreSQL answers every statement of it in
 * one exchange). Each stage runs inside its own savepoint. When a stage fails the server skips
 * the rest of the string; the reader rolls back to that stage's savepoint and sends the remaining
 * stages, still in the same transaction and snapshot. A lost connection fails every stage not yet read.
 */
final class PostgresCatalogReader {

    private PostgresCatalogReader() {
    }

    /**
     * Reads {@code stages} in one read-only snapshot. The transaction sets its own statement and
     * lock timeouts and search path ({@code SET LOCAL}), so that they hold on any connection (a
     * caller's pooled one too) and end with the transaction.
     */
    static Mono<StageResults<PostgresStage, List<Object>>> read(Connection connection, List<PostgresStage> stages, SessionLimits limits) {
        Map<PostgresStage, List<Object>> results = new EnumMap<>(PostgresStage.class);
        Map<PostgresStage, Throwable> failures = new EnumMap<>(PostgresStage.class);
        List<String> begin = List.of(
                "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                "SET LOCAL search_path = pg_catalog",
                "SET LOCAL statement_timeout = " + limits.statementTimeout().toMillis(),
                "SET LOCAL lock_timeout = " + limits.lockTimeout().toMillis(),
                "SET LOCAL jit = off");
        return send(connection, new Exchange(begin, List.copyOf(stages)), results, failures)
                .then(Mono.fromSupplier(() -> StageResults.of(results, failures)));
    }

    private static Mono<Void> send(Connection connection, Exchange exchange, Map<PostgresStage, List<Object>> results,
                                   Map<PostgresStage, Throwable> failures) {
        AtomicInteger answered = new AtomicInteger();
        return Flux.from(connection.createStatement(exchange.sql()).execute())
                .concatMap(result -> {
                    int position = answered.get();
                    return exchange.stageAt(position)
                            .map(stage -> StageRows.read(result, stage, stage::read, results, failures))
                            .orElseGet(() -> Flux.from(result.getRowsUpdated()).then())
                            .doOnSuccess(done -> answered.incrementAndGet());
                })
                .then()
                .onErrorResume(error -> recover(connection, exchange, answered.get(), error, results, failures));
    }

    private static Mono<Void> recover(Connection connection, Exchange exchange, int failedPosition, Throwable error,
                                      Map<PostgresStage, List<Object>> results, Map<PostgresStage, Throwable> failures) {
        List<PostgresStage> unread = exchange.stages().stream()
                .filter(stage -> !results.containsKey(stage) && !failures.containsKey(stage)).toList();
        var failedStage = exchange.stageAt(failedPosition);
        // The driver raises an R2dbcException for the server's error, which stops the server at the failed
        // stage's savepoint; after any other (this side's), the server may have run the whole string, COMMIT included.
        if (failedStage.isEmpty() || !(error instanceof R2dbcException) || ErrorClassifier.classify(error).connectionError()) {
            unread.forEach(stage -> failures.put(stage, error));
            return Mono.empty();
        }
        failures.put(failedStage.get(), error);
        List<PostgresStage> remaining = unread.subList(unread.indexOf(failedStage.get()) + 1, unread.size());
        List<String> rollback = List.of("ROLLBACK TO SAVEPOINT " + Exchange.savepoint(failedStage.get()),
                "RELEASE SAVEPOINT " + Exchange.savepoint(failedStage.get()));
        return send(connection, new Exchange(rollback, remaining), results, failures);
    }

    /**
     * One simple-query string: the prefix statements, then for each stage a savepoint, the stage's
     * query and the savepoint's release, then COMMIT. Positions count the statements.
     */
    private record Exchange(List<String> prefix, List<PostgresStage> stages) {

        private static final int STATEMENTS_PER_STAGE = 3;

        String sql() {
            List<String> statements = new ArrayList<>(prefix);
            for (PostgresStage stage : stages) {
                statements.add("SAVEPOINT " + savepoint(stage));
                statements.add(stage.sql());
                statements.add("RELEASE SAVEPOINT " + savepoint(stage));
            }
            statements.add("COMMIT");
            return String.join(";\n", statements);
        }

        /** The stage whose query is the statement at {@code position}, if that statement is a query. */
        java.util.Optional<PostgresStage> stageAt(int position) {
            int offset = position - prefix.size();
            if (offset < 0 || offset % STATEMENTS_PER_STAGE != 1 || offset / STATEMENTS_PER_STAGE >= stages.size()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(stages.get(offset / STATEMENTS_PER_STAGE));
        }

        static String savepoint(PostgresStage stage) {
            return "stage_" + stage.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
