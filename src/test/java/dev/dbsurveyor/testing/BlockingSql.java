package dev.dbsurveyor.testing;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Set-up SQL for tests, over R2DBC, waiting for the answer: tests prepare their fixtures with it,
 * never the code under test. Each call opens and closes its own connection.
 */
public final class BlockingSql {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private BlockingSql() {
    }

    public static void execute(ConnectionFactoryOptions options, String... statements) {
        withConnection(options, connection -> Flux.fromArray(statements)
                .concatMap(sql -> Flux.from(connection.createStatement(sql).execute()).concatMap(Result::getRowsUpdated))
                .then())
                .block(TIMEOUT);
    }

    /** Every row of a query as a map from column label to value, in column order. */
    public static List<Map<String, Object>> query(ConnectionFactoryOptions options, String sql) {
        return withConnection(options, connection -> Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map(BlockingSql::toMap))
                .collectList())
                .block(TIMEOUT);
    }

    /** Waits, polling with {@code SELECT 1}, until the server answers; false if it does not within {@code patience}. */
    public static boolean awaitAnswer(ConnectionFactoryOptions options, Duration patience) {
        long attempts = Math.max(1, patience.toMillis() / 500);
        try {
            return withConnection(options, connection -> Flux.from(connection.createStatement("SELECT 1").execute())
                    .concatMap(Result::getRowsUpdated).then(Mono.just(true)))
                    .timeout(Duration.ofSeconds(5))
                    .retryWhen(Retry.fixedDelay(attempts - 1, Duration.ofMillis(500)))
                    .block(patience.plusSeconds(10));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * PostgreSQL sessions with {@code application_name} once those closing have left: polled
     * until none is left or {@code patience} has passed (a closed client's backend leaves
     * {@code pg_stat_activity} a moment after it).
     */
    public static long postgresSessionsLeft(ConnectionFactoryOptions options, String applicationName, Duration patience) {
        String sql = "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = '" + applicationName.replace("'", "''") + "'";
        return Mono.fromCallable(() -> (Long) query(options, sql).get(0).get("n"))
                .subscribeOn(Schedulers.boundedElastic())
                .repeatWhen(polls -> polls.delayElements(Duration.ofMillis(50)))
                .takeUntil(count -> count == 0)
                .take(patience)
                .blockLast(patience.plusSeconds(10));
    }

    private static <T> Mono<T> withConnection(ConnectionFactoryOptions options, Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(Mono.from(ConnectionFactories.get(options).create()), work, Connection::close);
    }

    private static Map<String, Object> toMap(Row row, RowMetadata metadata) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < metadata.getColumnMetadatas().size(); i++) {
            values.put(metadata.getColumnMetadata(i).getName(), row.get(i));
        }
        return values;
    }
}
