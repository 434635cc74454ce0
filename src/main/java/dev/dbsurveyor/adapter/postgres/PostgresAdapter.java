package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.CollectorVersion;
import dev.dbsurveyor.adapter.ClientTls;
import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.PoolStats;
import dev.dbsurveyor.adapter.ServerConnections;
import dev.dbsurveyor.adapter.SqlResources;
import dev.dbsurveyor.adapter.StageResults;
import dev.dbsurveyor.adapter.StageRetries;
import dev.dbsurveyor.adapter.TransportSecurity;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.EnumeratedRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.ServerRow;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.ServerType;
import dev.dbsurveyor.retry.DatabaseRetries;
import dev.dbsurveyor.sampling.SampleValues;
import dev.dbsurveyor.sampling.TableSampler;
import dev.dbsurveyor.server.EngineFamily;
import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads PostgreSQL servers (13 and newer) through their catalog, {@code pg_catalog}, which shows
 * every object whatever the role's privileges. One database costs one connection and, when no
 * stage fails, one round trip for all its catalog queries.
 */
public final class PostgresAdapter implements DatabaseAdapter {

    /** Databases that are system databases by name; any other template is one too. */
    static final Set<String> TEMPLATE_DATABASES = Set.of("template0", "template1");

    private static final String ENUMERATE = SqlResources.load(PostgresAdapter.class, "enumerate.sql");
    private static final String SERVER = SqlResources.load(PostgresAdapter.class, "server.sql");
    /** Loaded with this class, so that no catalog query file is read later on a non-blocking thread. */
    private static final List<PostgresStage> STAGES = List.of(PostgresStage.values());
    private static final String COLLECTOR_VERSION = CollectorVersion.current();

    /** The host and port the URL names, or null when the adapter was built from a caller's factories. */
    private final ServerTarget target;
    private final ServerConnections connections;
    private final SessionLimits limits;
    /** The TLS of the adapter's own connections, or null when they are the caller's. */
    private final ClientTls tls;

    private PostgresAdapter(ServerTarget target, ServerConnections connections, SessionLimits limits, ClientTls tls) {
        this.target = target;
        this.connections = connections;
        this.limits = limits;
        this.tls = tls;
        CatalogJson.prepare();
        SampleValues.prepare();
    }

    /**
     * An adapter for the server a {@code postgresql://} target names. The URL's
     * {@code connect_timeout} option, when given, wins over the configuration's. Nothing connects
     * until a method's result is subscribed to.
     */
    public static PostgresAdapter create(ServerTarget target, ConnectionConfig config) {
        return create(target, config, UnaryOperator.identity());
    }

    /**
     * An adapter whose connection factories pass through {@code decorator} first, for
     * instrumentation such as r2dbc-proxy or metrics. The decorated factory must keep the
     * session settings it is given.
     */
    public static PostgresAdapter create(ServerTarget target, ConnectionConfig config, UnaryOperator<ConnectionFactory> decorator) {
        if (target.engine() != EngineFamily.POSTGRESQL) {
            throw new IllegalArgumentException("Not a PostgreSQL target: " + target);
        }
        ConnectionConfig effective = target.applyTo(config);
        PostgresSessions sessions = new PostgresSessions(target, effective);
        return new PostgresAdapter(target,
                new ServerConnections(target.defaultDatabase(), database -> decorator.apply(sessions.apply(database)), effective),
                SessionLimits.of(effective), sessions.tls());
    }

    /**
     * An adapter on connection factories the caller provides, one per database name (for example
     * built from an application's own R2DBC configuration). dbsurveyor still bounds and pools what
     * it opens, but cannot set session options on the caller's connections: every catalog read
     * sets its timeouts with {@code SET LOCAL} inside its read-only transaction instead, so nothing
     * outlives it on a connection that goes back to the caller's pool.
     *
     * @param defaultDatabase the database that enumeration and server questions use
     */
    public static PostgresAdapter create(String defaultDatabase, Function<String, ConnectionFactory> factories, ConnectionConfig config) {
        return new PostgresAdapter(null, new ServerConnections(defaultDatabase, factories, config), SessionLimits.of(config), null);
    }

    /** A pooled connection to the server's default database, with the collector's session settings. */
    public Mono<Connection> acquire() {
        return connections.acquire();
    }

    @Override
    public Mono<ServerInfo> serverInfo() {
        return connections.withPooled(connection -> singleText(connection, SERVER))
                .map(json -> CatalogJson.row(json, ServerRow.class))
                .map(row -> new ServerInfo(ServerType.POSTGRESQL, row.version(),
                        target != null ? target.host() : row.address() != null ? row.address() : "localhost",
                        target != null ? Integer.valueOf(target.port()) : row.port(),
                        row.databases(), row.user(), row.superuser(), row.versionNumber(), row.versionDetails(),
                        PostgresAccessAssembler.server(row)));
    }

    @Override
    public Flux<EnumeratedDatabase> enumerate() {
        return connections.withPooled(connection -> singleText(connection, ENUMERATE))
                .flatMapIterable(json -> CatalogJson.rows(json, EnumeratedRow.class))
                .map(row -> new EnumeratedDatabase(row.name(), row.owner(), row.encoding(), row.collation(), row.sizeBytes(),
                        row.isTemplate() || TEMPLATE_DATABASES.contains(row.name()), row.isAccessible()));
    }

    @Override
    public Mono<DatabaseSchema> collect(String database, DatabaseRetries retries) {
        return Mono.defer(() -> {
            Instant collectedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            long started = System.nanoTime();
            return read(database, STAGES)
                    .flatMap(first -> StageRetries.retryFailed(first, stages -> read(database, stages), retries, retries::report))
                    .map(stages -> PostgresSchemaAssembler.assemble(database, new PostgresCatalog(stages), COLLECTOR_VERSION, collectedAt,
                            Duration.ofNanos(System.nanoTime() - started).toMillis()));
        });
    }

    /** Reads stages on a connection of their own (a retry's in a new snapshot). */
    private Mono<StageResults<PostgresStage, List<Object>>> read(String database, List<PostgresStage> stages) {
        return connections.withConnection(database, connection -> PostgresCatalogReader.read(connection, stages, limits));
    }

    @Override
    public Mono<DatabaseSchema> sample(DatabaseSchema schema, TableSampler sampler) {
        return connections.withConnection(schema.databaseInfo().name(),
                        connection -> sampler.sample(schema, new PostgresSampleSource(connection, limits)))
                .onErrorResume(error -> Mono.just(sampler.unreachable(schema, error)));
    }

    @Override
    public Mono<Duration> roundTrip() {
        return connections.withPooled(connection -> singleText(connection, "SELECT '1'")
                .then(Mono.defer(() -> {
                    long started = System.nanoTime();
                    return singleText(connection, "SELECT '1'").map(ignored -> Duration.ofNanos(System.nanoTime() - started));
                })));
    }

    @Override
    public Mono<TransportSecurity> transportSecurity() {
        return connections.withPooled(connection -> PostgresSessions.transportSecurity(connection,
                () -> tls == null ? List.of() : tls.lastServerCertificate().stream().toList()));
    }

    @Override
    public PoolStats poolStats() {
        return connections.poolStats();
    }

    @Override
    public Mono<Void> close() {
        return connections.close();
    }

    private static Mono<String> singleText(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map(row -> row.get(0, String.class)))
                .single();
    }
}
