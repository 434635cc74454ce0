package dev.dbsurveyor.adapter.sqlite;

import dev.dbsurveyor.CollectorVersion;
import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.PoolStats;
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
import dev.dbsurveyor.server.SqliteLocation;
import org.sqlite.SQLiteException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Reads SQLite files: one file, or every SQLite file of a directory, each a database of the
 * "server". SQLite's JDBC driver blocks, so every call runs on a bounded scheduler of the
 * adapter's own, with as many threads as {@link ConnectionConfig#maxConnections()}, and never on
 * a caller's thread: at most that many files are open at once, and a sweep of thousands of files
 * runs on that many threads. Each file's catalog is read in one read transaction, one query per
 * PRAGMA for all its tables; nothing is ever written to a file or beside it.
 */
public final class SqliteAdapter implements DatabaseAdapter {

    private static final String COLLECTOR_VERSION = CollectorVersion.current();
    /** Numbers the adapters of a JVM, so that each one's threads are named apart: dbsurveyor-sqlite-3-1. */
    private static final java.util.concurrent.atomic.AtomicInteger ADAPTERS = new java.util.concurrent.atomic.AtomicInteger();

    private final SqliteFiles files;
    private final SqliteConnections connections;
    private final Scheduler scheduler;
    private final int maxConnections;
    private final Duration statementLimit;
    private final String schedulerName;

    private SqliteAdapter(SqliteLocation location, ConnectionConfig config) {
        this.files = new SqliteFiles(location);
        this.connections = new SqliteConnections(location.immutable());
        this.maxConnections = config.maxConnections();
        this.statementLimit = config.statementTimeout();
        this.schedulerName = "dbsurveyor-sqlite-" + ADAPTERS.incrementAndGet();
        this.scheduler = Schedulers.newBoundedElastic(maxConnections, Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, schedulerName, 60, true);
        SampleValues.prepare();
    }

    /** An adapter for the file or directory a {@code sqlite://} target names; nothing is read until subscription. */
    public static SqliteAdapter create(ServerTarget target, ConnectionConfig config) {
        if (target.engine() != EngineFamily.SQLITE) {
            throw new IllegalArgumentException("Not a SQLite target: " + target);
        }
        return new SqliteAdapter(target.sqlite().orElseThrow(), config);
    }

    /** An adapter for {@code location}, for callers that name their files without a URL. */
    public static SqliteAdapter create(SqliteLocation location, ConnectionConfig config) {
        return new SqliteAdapter(location, config);
    }

    @Override
    public Mono<ServerInfo> serverInfo() {
        return blocking(() -> {
            int databases = files.list().size();
            String version = libraryVersion();
            return new ServerInfo(ServerType.SQLITE, version, "localhost", null, databases, System.getProperty("user.name"), false,
                    versionNumber(version), "SQLite " + version + " (sqlite-jdbc " + driverVersion() + ")");
        });
    }

    @Override
    public Flux<EnumeratedDatabase> enumerate() {
        return blocking(files::list).flatMapIterable(list -> list)
                .map(file -> new EnumeratedDatabase(file.name(), file.owner(), null, null, file.sizeBytes(), false, true));
    }

    @Override
    public Mono<DatabaseSchema> collect(String database, DatabaseRetries retries) {
        return blocking(() -> {
            long started = System.nanoTime();
            Instant collectedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            SqliteFile file = files.file(database);
            Connection connection = connections.open(file);
            SqliteCatalog catalog;
            try {
                catalog = SqliteCatalogReader.read(connection, statementLimit);
            } finally {
                connections.close(connection);
            }
            return SqliteSchemaAssembler.assemble(database, file, catalog, List.of(), COLLECTOR_VERSION, collectedAt,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        });
    }

    @Override
    public Mono<DatabaseSchema> sample(DatabaseSchema schema, TableSampler sampler) {
        return Mono.usingWhen(blocking(() -> connections.open(files.file(schema.databaseInfo().name()))),
                        connection -> sampler.sample(schema, new SqliteSampleSource(connection, scheduler, statementLimit)),
                        connection -> blocking(() -> {
                            connections.close(connection);
                            return true;
                        }))
                .onErrorResume(error -> Mono.just(sampler.unreachable(schema, error)));
    }

    @Override
    public Mono<Duration> roundTrip() {
        return blocking(() -> {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT 1").close();
                long started = System.nanoTime();
                statement.executeQuery("SELECT 1").close();
                return Duration.ofNanos(System.nanoTime() - started);
            }
        });
    }

    @Override
    public PoolStats poolStats() {
        int open = connections.openCount();
        return new PoolStats(0, open, maxConnections, open);
    }

    @Override
    public Mono<Void> close() {
        return scheduler.disposeGracefully().timeout(Duration.ofSeconds(30)).onErrorResume(error -> {
            scheduler.dispose();
            return Mono.empty();
        });
    }

    /** What the names of this adapter's threads begin with. */
    String threadNamePrefix() {
        return schedulerName + "-";
    }

    /** {@code call} on the adapter's threads, lazily; SQLite's errors made short, their result codes kept. */
    private <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(scheduler).onErrorMap(SQLiteException.class,
                error -> new SQLiteException(SqliteErrors.message(error), error.getResultCode()));
    }

    private static String libraryVersion() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT sqlite_version()")) {
            result.next();
            return result.getString(1);
        }
    }

    private static String driverVersion() {
        String version = org.sqlite.JDBC.class.getPackage().getImplementationVersion();
        return version != null ? version : "unknown version";
    }

    /** SQLite's own number for a version: 3054001 for 3.54.1. */
    static Integer versionNumber(String version) {
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            int patch = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
            return major * 1_000_000 + minor * 1_000 + patch;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
