package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.CollectorVersion;
import dev.dbsurveyor.adapter.ClientTls;
import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.PoolStats;
import dev.dbsurveyor.adapter.ServerConnections;
import dev.dbsurveyor.adapter.SqlResources;
import dev.dbsurveyor.adapter.StageResults;
import dev.dbsurveyor.adapter.StageRetries;
import dev.dbsurveyor.adapter.Transactions;
import dev.dbsurveyor.adapter.TransportSecurity;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.EnumeratedRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.MySqlRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.SchemaRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.ServerRow;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.retry.DatabaseRetries;
import dev.dbsurveyor.sampling.SampleValues;
import dev.dbsurveyor.sampling.TableSampler;
import dev.dbsurveyor.server.EngineFamily;
import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads MySQL (5.7 and newer) and MariaDB (10.2 and newer) servers through
 * {@code information_schema}. The catalog is server-wide, so databases are read in batches over
 * pooled connections: the databases a sweep asks for at about the same moment are read together,
 * a fixed number of statements in one round trip per batch, never a query per table.
 */
public final class MySqlAdapter implements DatabaseAdapter {

    /** The most databases one batch reads; keeps each statement's {@code IN} list and answer moderate. */
    public static final int MAX_BATCH = 32;
    /** The fewest databases a batch takes, when that many wait, before another batch is started. */
    public static final int MIN_BATCH = 8;
    /** The most batches read at once, each on a connection of its own. */
    public static final int PARALLEL_BATCHES = 4;
    /** How long a database asked for waits for others to join its batch. */
    static final Duration BATCH_WINDOW = Duration.ofMillis(2);

    private static final String ENUMERATE = SqlResources.load(MySqlAdapter.class, "enumerate.sql");
    private static final String SERVER = SqlResources.load(MySqlAdapter.class, "server.sql");
    private static final List<MySqlStage> STAGES = List.of(MySqlStage.values());
    private static final String COLLECTOR_VERSION = CollectorVersion.current();

    /** The host and port the URL names, or null when the adapter was built from a caller's factory. */
    private final ServerTarget target;
    private final ServerConnections connections;
    private final long statementMillis;
    private final CollectionBatches batches;
    /** The TLS of the adapter's own connections, or null when they are the caller's. */
    private final ClientTls tls;

    private MySqlAdapter(ServerTarget target, ServerConnections connections, ConnectionConfig config, ClientTls tls) {
        this.target = target;
        this.connections = connections;
        this.tls = tls;
        this.statementMillis = config.statementTimeout().toMillis();
        this.batches = new CollectionBatches(MIN_BATCH, MAX_BATCH, Math.min(PARALLEL_BATCHES, config.maxConnections()), BATCH_WINDOW,
                this::readBatch);
        SampleValues.prepare();
        MySqlAccessReader.prepare();
    }

    /** An adapter for the server a {@code mysql://} or {@code mariadb://} target names; nothing connects until subscription. */
    public static MySqlAdapter create(ServerTarget target, ConnectionConfig config) {
        return create(target, config, UnaryOperator.identity());
    }

    /** An adapter whose connection factory passes through {@code decorator} first (r2dbc-proxy, metrics). */
    public static MySqlAdapter create(ServerTarget target, ConnectionConfig config, UnaryOperator<ConnectionFactory> decorator) {
        if (target.engine() != EngineFamily.MYSQL) {
            throw new IllegalArgumentException("Not a MySQL or MariaDB target: " + target);
        }
        ConnectionConfig effective = target.applyTo(config);
        MySqlSessions sessions = new MySqlSessions(target, effective);
        return new MySqlAdapter(target, new ServerConnections(target.defaultDatabase(),
                database -> decorator.apply(sessions.apply(database)), effective), effective, sessions.tls());
    }

    /**
     * An adapter on a connection factory the caller provides (for example built from an
     * application's own R2DBC configuration). Every read runs in a read-only transaction with a
     * time limit per statement, so that nothing but MySQL 8's {@code information_schema_stats_expiry = 0}
     * outlives it on a connection of the caller's pool.
     */
    public static MySqlAdapter create(ConnectionFactory factory, ConnectionConfig config) {
        return new MySqlAdapter(null, new ServerConnections(null, database -> factory, config), config, null);
    }

    @Override
    public Mono<ServerInfo> serverInfo() {
        return connections.withPooled(connection -> {
            MySqlFlavour flavour = flavourOf(connection);
            return readOnly(connection, flavour, SERVER, ServerRow::read).next()
                    .zipWhen(row -> MySqlAccessReader.read(connection, flavour, statementMillis))
                    .map(read -> new ServerInfo(flavour.type(), read.getT1().version(),
                            target != null ? target.host() : "localhost", target != null ? Integer.valueOf(target.port()) : null,
                            read.getT1().schemaCount(), read.getT1().user(), read.getT1().superuser(), flavour.versionNumber(),
                            read.getT1().version() + " (" + read.getT1().versionComment() + ")", read.getT2()));
        });
    }

    @Override
    public Flux<EnumeratedDatabase> enumerate() {
        return connections.withPooled(connection -> readOnly(connection, flavourOf(connection), ENUMERATE, EnumeratedRow::read).collectList())
                .flatMapIterable(rows -> rows)
                .map(row -> new EnumeratedDatabase(row.name(), null, row.encoding(), row.collation(),
                        row.sizeBytes() == null ? 0L : row.sizeBytes(), MySqlSchemaAssembler.SYSTEM_DATABASES.contains(row.name()), true));
    }

    @Override
    public Mono<DatabaseSchema> collect(String database, DatabaseRetries retries) {
        return Mono.defer(() -> batches.collect(database, retries));
    }

    /**
     * Reads a batch, retries its failed stages, and completes or fails each request. Stages that
     * still fail for lack of a connection fail the read, and so every database of the batch (each
     * is then retried on its own budget).
     */
    private Mono<Void> readBatch(List<CollectionBatches.Request> requests) {
        Instant collectedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> databases = requests.stream().map(CollectionBatches.Request::database).distinct().toList();
        // A batch's stage retries are charged to its first database's budget and reported to all of them.
        DatabaseRetries lead = requests.get(0).retries();
        return read(databases, STAGES)
                .flatMap(first -> StageRetries.retryFailed(first.stages(), stages -> read(databases, stages).map(Read::stages), lead,
                                attempt -> requests.forEach(request -> request.retries().report(attempt)))
                        .map(stages -> new Read(first.flavour(), stages)))
                .doOnNext(read -> deliver(read, requests, collectedAt))
                .then();
    }

    private record Read(MySqlFlavour flavour, StageResults<MySqlStage, Map<String, List<MySqlRow>>> stages) {
    }

    private Mono<Read> read(List<String> databases, List<MySqlStage> stages) {
        return connections.withPooled(connection -> {
            MySqlFlavour flavour = flavourOf(connection);
            return MySqlCatalogReader.read(connection, flavour, stages, databases, statementMillis).map(read -> new Read(flavour, read));
        });
    }

    /**
     * Completes each request with its database's document; a database the catalog no longer lists
     * fails as unknown, as the server would say.
     */
    private static void deliver(Read read, List<CollectionBatches.Request> requests, Instant collectedAt) {
        MySqlCatalog catalog = new MySqlCatalog(read.stages());
        for (CollectionBatches.Request request : requests) {
            if (catalog.read(MySqlStage.SCHEMATA) && catalog.rows(MySqlStage.SCHEMATA, request.database(), SchemaRow.class).isEmpty()) {
                request.fail(new R2dbcNonTransientResourceException("Unknown database '" + request.database() + "'", "42000", 1049));
            } else {
                try {
                    request.complete(MySqlSchemaAssembler.assemble(request.database(), catalog, read.flavour(), COLLECTOR_VERSION,
                            collectedAt, request.elapsed().toMillis()));
                } catch (RuntimeException e) {
                    request.fail(e);
                }
            }
        }
    }

    @Override
    public Mono<DatabaseSchema> sample(DatabaseSchema schema, TableSampler sampler) {
        return connections.withConnection(schema.databaseInfo().name(),
                        connection -> sampler.sample(schema, new MySqlSampleSource(connection, flavourOf(connection), statementMillis)))
                .onErrorResume(error -> Mono.just(sampler.unreachable(schema, error)));
    }

    @Override
    public Mono<Duration> roundTrip() {
        return connections.withPooled(connection -> selectOne(connection).then(Mono.defer(() -> {
            long started = System.nanoTime();
            return selectOne(connection).then(Mono.fromSupplier(() -> Duration.ofNanos(System.nanoTime() - started)));
        })));
    }

    private static Mono<Void> selectOne(Connection connection) {
        return Flux.from(connection.createStatement("SELECT 1").execute()).concatMap(result -> result.map(row -> 1)).then();
    }

    @Override
    public Mono<TransportSecurity> transportSecurity() {
        return connections.withPooled(connection -> MySqlSessions.transportSecurity(connection,
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

    /** The server as the connection's handshake describes it (MariaDB announces itself as {@code 5.5.5-10.11.9-MariaDB}). */
    static MySqlFlavour flavourOf(Connection connection) {
        String version = connection.getMetadata().getDatabaseVersion();
        return MySqlFlavour.of(version.startsWith("5.5.5-") && version.contains("MariaDB") ? version.substring("5.5.5-".length()) : version);
    }

    /** One SELECT in a read-only transaction, with the time limit; each row read by {@code reader}. */
    private <T> Flux<T> readOnly(Connection connection, MySqlFlavour flavour, String select, Function<Readable, T> reader) {
        String sql = "START TRANSACTION READ ONLY;\n/* dbsurveyor */ " + flavour.limited(select, statementMillis) + ";\nCOMMIT";
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map(reader))
                .onErrorResume(error -> Transactions.rollback(connection).then(Mono.error(error)));
    }
}
