package dev.dbsurveyor.adapter;

import dev.dbsurveyor.config.ConnectionConfig;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.function.Function;

/**
 * All connections to one server. A pool (r2dbc-pool) serves the server's default database, where
 * enumeration and server questions run; other databases get direct connections, since each is
 * read once. Pooled and direct connections share one budget of {@code maxConnections}.
 */
public final class ServerConnections {

    private static final Duration REPLY_MARGIN = Duration.ofSeconds(5);

    private final Function<String, ConnectionFactory> factories;
    private final ConnectionConfig config;
    private final ConnectionBudget budget;
    private final ConnectionPool pool;

    /**
     * @param defaultDatabase the database the pool connects to
     * @param factories       an engine's connection factory for a database name, settings included
     */
    public ServerConnections(String defaultDatabase, Function<String, ConnectionFactory> factories, ConnectionConfig config) {
        this.factories = factories;
        this.config = config;
        this.budget = new ConnectionBudget(config.maxConnections(), config.acquireTimeout());
        this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder()
                .connectionFactory(budgeted(factories.apply(defaultDatabase)))
                .name("dbsurveyor")
                .initialSize(config.minIdleConnections())
                .minIdle(config.minIdleConnections())
                .maxSize(config.maxConnections())
                .maxAcquireTime(config.acquireTimeout())
                .maxCreateConnectionTime(config.connectTimeout().plus(config.acquireTimeout()))
                .maxIdleTime(config.idleTimeout())
                .maxLifeTime(config.maxLifetime())
                .acquireRetry(0)
                .build());
    }

    /**
     * A pooled connection to the default database; closing it hands it back. Fails with an
     * {@link io.r2dbc.spi.R2dbcTimeoutException} when none frees up within the acquire timeout.
     * Prefer {@link #withPooled}, which also handles cancellation.
     */
    public Mono<Connection> acquire() {
        return pool.create();
    }

    /**
     * A new connection to {@code database}, within the budget; closing it closes it on the server.
     * The factory for the database is made on a thread that may block: drivers and callers' factory
     * functions may read files (service loaders, key stores) while making one.
     */
    public Mono<Connection> connect(String database) {
        return Mono.fromSupplier(() -> budgeted(factories.apply(database)))
                .subscribeOn(Schedulers.boundedElastic())
                // Back to the few non-blocking threads: what the driver does next (buffers, thread-local
                // caches) should not spread over the many threads of the blocking pool.
                .publishOn(Schedulers.parallel())
                .flatMap(BudgetedConnectionFactory::create);
    }

    /**
     * Runs {@code work} on a new connection to {@code database}, closed when the work ends, fails
     * or is cancelled. A connection that cannot close (its backend is gone) is no error of the work's.
     */
    public <T> Mono<T> withConnection(String database, Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(connect(database), work, ServerConnections::release, (connection, error) -> release(connection),
                ServerConnections::release);
    }

    /**
     * Runs {@code work} on a pooled connection and hands the connection back when it is done or
     * failed. When the subscriber cancels, the connection is closed on the server before it goes
     * back (the pool then discards it): a cancelled statement may still be streaming rows on it.
     */
    public <T> Mono<T> withPooled(java.util.function.Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(acquire(), work, ServerConnections::release, (connection, error) -> release(connection),
                ServerConnections::discard);
    }

    /** Hands a pooled connection back; a connection that died (a terminated backend) may fail to, which is no error of the work's. */
    private static Mono<Void> release(Connection pooled) {
        return Mono.from(pooled.close()).onErrorResume(error -> Mono.empty());
    }

    private static Mono<Void> discard(Connection pooled) {
        Connection inner = pooled instanceof io.r2dbc.spi.Wrapped<?> wrapped && wrapped.unwrap() instanceof Connection unwrapped
                ? unwrapped : pooled;
        return Mono.from(inner.close()).onErrorResume(error -> Mono.empty()).then(release(pooled));
    }

    public PoolStats poolStats() {
        PoolMetrics metrics = pool.getMetrics().orElseThrow();
        return new PoolStats(metrics.idleSize(), metrics.acquiredSize(), budget.max(), budget.inUse());
    }

    /**
     * Closes the pooled connections; direct connections are closed by whoever opened them (their
     * permits may come back after this, which is why the budget itself is never disposed).
     */
    public Mono<Void> close() {
        return pool.disposeLater();
    }

    private BudgetedConnectionFactory budgeted(ConnectionFactory factory) {
        return new BudgetedConnectionFactory(factory, budget, config.connectTimeout(), replyDeadline(config));
    }

    /**
     * How long a connection may stay silent before it is taken as lost: longer than any statement
     * may run on the server, by a margin for the network and the client.
     */
    static Duration replyDeadline(ConnectionConfig config) {
        return config.statementTimeout().plus(REPLY_MARGIN);
    }
}
