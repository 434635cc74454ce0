package dev.dbsurveyor.adapter.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.adapter.Transactions;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.sampling.OrderingStrategy;
import dev.dbsurveyor.sampling.SampleQuery;
import dev.dbsurveyor.sampling.SampleSource;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sample rows of PostgreSQL tables. Each read is one round trip: a {@code READ ONLY} transaction
 * that sets its own time limits, one SELECT that has the server write each row as JSON
 * ({@code row_to_json}, so every type reads, custom ones included), and COMMIT.
 */
final class PostgresSampleSource implements SampleSource {

    /**
     * Rows a random sample of a large table draws from its pages before shuffling them: enough
     * pages that the limit is reached and no few pages dominate, few enough to read and sort cheaply.
     */
    private static final long DRAWN_ROWS = 10_000;

    private final Connection connection;
    private final SessionLimits limits;

    PostgresSampleSource(Connection connection, SessionLimits limits) {
        this.connection = connection;
        this.limits = limits;
    }

    @Override
    public Flux<ObjectNode> read(SampleQuery query) {
        String sql = String.join(";\n",
                "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY",
                "SET LOCAL statement_timeout = " + limits.statementTimeout().toMillis(),
                "SET LOCAL lock_timeout = " + limits.lockTimeout().toMillis(),
                "SET LOCAL search_path = pg_catalog",
                "SET LOCAL TimeZone = 'UTC'",
                select(query),
                "COMMIT");
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map(row -> row.get(0, String.class)))
                .map(json -> PostgresSampleValues.row(json, query.table()))
                .onErrorResume(error -> Transactions.rollback(connection).then(Mono.error(error)));
    }

    @Override
    public Optional<String> randomCaveat(SampleQuery query) {
        return query.large()
                ? Optional.of("about " + query.table().rowCount() + " rows: read from " + percent(query)
                        + "% of the table's pages (TABLESAMPLE SYSTEM) and shuffled, so rows stored together tend to come together")
                : Optional.empty();
    }

    /** The SELECT of one sample; every name is quoted, the limit and percentage are numbers this class formats. */
    static String select(SampleQuery query) {
        Table table = query.table();
        String columns = table.columns().stream().map(Column::name).map(PostgresIdentifiers::quote).collect(Collectors.joining(", "));
        String from = PostgresIdentifiers.quote(table.schema()) + "." + PostgresIdentifiers.quote(table.name());
        String rows;
        if (query.ordering() instanceof OrderingStrategy.Random) {
            rows = query.large()
                    ? "SELECT " + columns + " FROM " + from + " TABLESAMPLE SYSTEM (" + percent(query) + ") ORDER BY pg_catalog.random() LIMIT "
                            + query.limit()
                    : "SELECT " + columns + " FROM " + from + " ORDER BY pg_catalog.random() LIMIT " + query.limit();
        } else {
            rows = "SELECT " + columns + " FROM " + from + " ORDER BY " + newestFirst(query.ordering().columns()) + " LIMIT " + query.limit();
        }
        return "SELECT pg_catalog.row_to_json(dbsurveyor_sample.*)::text FROM (" + rows + ") AS dbsurveyor_sample";
    }

    private static String newestFirst(List<String> columns) {
        return columns.stream().map(column -> PostgresIdentifiers.quote(column) + " DESC NULLS LAST").collect(Collectors.joining(", "));
    }

    private static String percent(SampleQuery query) {
        double drawn = Math.max(DRAWN_ROWS, 10L * query.limit());
        double percent = Math.min(100.0, 100.0 * drawn / Math.max(1, query.table().rowCount()));
        return String.format(Locale.ROOT, "%.6f", percent);
    }
}
