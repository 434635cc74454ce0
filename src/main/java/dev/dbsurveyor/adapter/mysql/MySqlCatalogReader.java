package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.adapter.StageResults;
import dev.dbsurveyor.adapter.StageRows;
import dev.dbsurveyor.adapter.Transactions;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.MySqlRow;
import dev.dbsurveyor.retry.ErrorClassifier;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Reads catalog stages for a batch of databases in one round trip: one multi-statement text
 * query, {@code START TRANSACTION READ ONLY}, each stage's SELECT with its own time limit, then
 * {@code COMMIT} (or {@code ROLLBACK} when the exchange stops early). Only MySQL 8's
 * {@code information_schema_stats_expiry} stays set on the connection afterwards (to 0, fresh row
 * estimates), so it may be a caller's pooled one. When a stage fails the server skips the rest of
 * the string; the reader records the failure and sends the remaining stages in a new exchange. A
 * lost connection fails every stage not yet read; rows that do not read fail their stage.
 */
final class MySqlCatalogReader {

    private static final String LABEL = "/* dbsurveyor */ ";

    private MySqlCatalogReader() {
    }

    /** Reads {@code stages} for {@code databases}; each stage's rows grouped by their database. */
    static Mono<StageResults<MySqlStage, Map<String, List<MySqlRow>>>> read(Connection connection, MySqlFlavour flavour,
                                                                           List<MySqlStage> stages, List<String> databases,
                                                                           long statementMillis) {
        List<String> schemas = databases.stream().map(SchemaLiterals::literal).toList();
        List<Query> queries = stages.stream()
                .flatMap(stage -> stage.sql(flavour, schemas).map(sql -> new Query(stage, LABEL + flavour.limited(sql, statementMillis))).stream())
                .toList();
        List<String> prefix = new ArrayList<>();
        if (flavour.cachesTableStatistics()) {
            // Fresh row estimates instead of MySQL 8's day-old cached ones; harmless on any connection.
            prefix.add("SET SESSION information_schema_stats_expiry = 0");
        }
        prefix.add("START TRANSACTION READ ONLY");
        Map<MySqlStage, List<MySqlRow>> rows = new EnumMap<>(MySqlStage.class);
        Map<MySqlStage, Throwable> failures = new EnumMap<>(MySqlStage.class);
        return send(connection, new Exchange(prefix, queries), rows, failures)
                .then(Mono.fromSupplier(() -> StageResults.of(byDatabase(rows), failures)));
    }

    private static Map<MySqlStage, Map<String, List<MySqlRow>>> byDatabase(Map<MySqlStage, List<MySqlRow>> rows) {
        Map<MySqlStage, Map<String, List<MySqlRow>>> grouped = new EnumMap<>(MySqlStage.class);
        rows.forEach((stage, stageRows) -> grouped.put(stage, stageRows.stream().collect(Collectors.groupingBy(MySqlRow::schema))));
        return grouped;
    }

    private static Mono<Void> send(Connection connection, Exchange exchange, Map<MySqlStage, List<MySqlRow>> rows,
                                   Map<MySqlStage, Throwable> failures) {
        AtomicInteger answered = new AtomicInteger();
        return Flux.from(connection.createStatement(exchange.sql()).execute())
                .concatMap(result -> {
                    Optional<Query> query = exchange.queryAt(answered.get());
                    return query
                            .map(read -> StageRows.read(result, read.stage(), read.stage()::read, rows, failures))
                            .orElseGet(() -> Flux.from(result.getRowsUpdated()).then())
                            .doOnSuccess(done -> answered.incrementAndGet());
                })
                .then()
                .onErrorResume(error -> recover(connection, exchange, answered.get(), error, rows, failures));
    }

    private static Mono<Void> recover(Connection connection, Exchange exchange, int failedPosition, Throwable error,
                                      Map<MySqlStage, List<MySqlRow>> rows, Map<MySqlStage, Throwable> failures) {
        List<Query> unread = exchange.queries().stream()
                .filter(query -> !rows.containsKey(query.stage()) && !failures.containsKey(query.stage())).toList();
        Optional<Query> failed = exchange.queryAt(failedPosition);
        if (failed.isEmpty() || ErrorClassifier.classify(error).connectionError()) {
            unread.forEach(query -> failures.put(query.stage(), error));
            return Transactions.rollback(connection);
        }
        failures.put(failed.get().stage(), error);
        List<Query> remaining = unread.subList(unread.indexOf(failed.get()) + 1, unread.size());
        return send(connection, new Exchange(List.of(), remaining), rows, failures);
    }

    private record Query(MySqlStage stage, String sql) {
    }

    /** The prefix statements, then each stage's query, then COMMIT, as one string; positions count the statements. */
    private record Exchange(List<String> prefix, List<Query> queries) {

        String sql() {
            List<String> statements = new ArrayList<>(prefix);
            queries.forEach(query -> statements.add(query.sql()));
            statements.add("COMMIT");
            return String.join(";\n", statements);
        }

        Optional<Query> queryAt(int position) {
            int offset = position - prefix.size();
            return offset >= 0 && offset < queries.size() ? Optional.of(queries.get(offset)) : Optional.empty();
        }
    }
}
