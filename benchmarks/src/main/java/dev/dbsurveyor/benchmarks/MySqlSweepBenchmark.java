package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.adapter.mysql.MySqlAdapter;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.Sweep;
import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sweep of many MySQL or MariaDB databases by dbsurveyor (databases read in batches) beside a
 * per-database collection of the same databases as the baseline: for each database one new
 * connection and one query per catalog view, at the same concurrency. Both count the statements
 * and round trips they send.
 */
final class MySqlSweepBenchmark {

    private static final int[] CONCURRENCIES = {1, 4, 16};
    /** Added latency each way, in ms: none, then about the 10 ms round trip of a server in another zone. */
    private static final int[] LATENCIES = {0, 5};
    /** The catalog views the baseline reads for one database, and the column that names the database in each. */
    private static final List<String[]> VIEWS = List.of(
            new String[]{"SCHEMATA", "SCHEMA_NAME"}, new String[]{"TABLES", "TABLE_SCHEMA"}, new String[]{"COLUMNS", "TABLE_SCHEMA"},
            new String[]{"TABLE_CONSTRAINTS", "TABLE_SCHEMA"}, new String[]{"KEY_COLUMN_USAGE", "TABLE_SCHEMA"},
            new String[]{"REFERENTIAL_CONSTRAINTS", "CONSTRAINT_SCHEMA"}, new String[]{"CHECK_CONSTRAINTS", "CONSTRAINT_SCHEMA"},
            new String[]{"STATISTICS", "TABLE_SCHEMA"}, new String[]{"VIEWS", "TABLE_SCHEMA"}, new String[]{"ROUTINES", "ROUTINE_SCHEMA"},
            new String[]{"PARAMETERS", "SPECIFIC_SCHEMA"}, new String[]{"TRIGGERS", "EVENT_OBJECT_SCHEMA"}, new String[]{"EVENTS", "EVENT_SCHEMA"});

    private final ServerTarget server;
    /** Where the contenders connect: the server, or the delay proxy in front of it. */
    private ServerTarget target;
    private final int databases;
    private final int tables;
    private final int runs;
    private final boolean drop;

    MySqlSweepBenchmark(String url, int databases, int tables, int runs, boolean drop) {
        this.server = ServerTarget.parse(url);
        this.target = server;
        this.databases = databases;
        this.tables = tables;
        this.runs = runs;
        this.drop = drop;
    }

    private String prefix() {
        return new Workload(server, tables).prefix();
    }

    /** A measured sweep: wall time, databases done, statements and round trips sent. */
    private record Run(double seconds, long databases, long statements, long roundTrips) {

        double rate() {
            return databases / seconds;
        }
    }

    void run(Path resultsDirectory) throws Exception {
        ConnectionFactory admin = plain(null);
        new Workload(server, tables).ensure(databases);
        String version = WideDatabase.query(admin, "SELECT VERSION()").get(0);

        dbsurveyor(4);
        baseline(4);
        List<String> rows = new ArrayList<>();
        for (int latency : LATENCIES) {
            try (DelayProxy proxy = new DelayProxy(server.host(), server.port(), latency)) {
                target = latency == 0 ? server : through(proxy);
                for (int concurrency : CONCURRENCIES) {
                    if (latency > 0 && concurrency == 1) {
                        continue;
                    }
                    Run ours = median(() -> dbsurveyor(concurrency));
                    Run theirs = median(() -> baseline(concurrency));
                    System.out.printf(Locale.ROOT, "latency %d ms, concurrency %2d: dbsurveyor %.1f db/s (%d statements, %d round trips), "
                                    + "per-database %.1f db/s (%d statements, %d round trips)%n", latency, concurrency, ours.rate(),
                            ours.statements(), ours.roundTrips(), theirs.rate(), theirs.statements(), theirs.roundTrips());
                    rows.add(String.format(Locale.ROOT, "| %d ms | %d | %.2f s | %.1f db/s | %d | %d | %.2f s | %.1f db/s | %d | %d | %.1f× |",
                            latency, concurrency, ours.seconds(), ours.rate(), ours.statements(), ours.roundTrips(),
                            theirs.seconds(), theirs.rate(), theirs.statements(), theirs.roundTrips(), ours.rate() / theirs.rate()));
                }
            }
        }
        target = server;
        String report = report(version, rows);
        System.out.println(report);
        Files.createDirectories(resultsDirectory);
        Files.writeString(resultsDirectory.resolve("mysql-sweep-" + databases + "x" + tables + ".md"), report);
        if (drop) {
            for (String name : WideDatabase.query(admin, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '"
                    + prefix() + "%'")) {
                WideDatabase.execute(admin, "DROP DATABASE `" + name + "`");
            }
        }
    }

    /** The server's target as seen through the proxy: same user and password, the proxy's address. */
    private ServerTarget through(DelayProxy proxy) {
        String password = server.passwordFor(null)
                .map(secret -> ":" + java.net.URLEncoder.encode(secret.reveal(), java.nio.charset.StandardCharsets.UTF_8)).orElse("");
        return ServerTarget.parse("mysql://" + java.net.URLEncoder.encode(server.user(), java.nio.charset.StandardCharsets.UTF_8)
                + password + "@127.0.0.1:" + proxy.port());
    }

    private Run median(java.util.function.Supplier<Run> measure) {
        List<Run> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            measured.add(measure.get());
        }
        measured.sort(java.util.Comparator.comparingDouble(Run::seconds));
        return measured.get(measured.size() / 2);
    }

    private Run dbsurveyor(int concurrency) {
        AtomicLong statements = new AtomicLong();
        AtomicLong roundTrips = new AtomicLong();
        MySqlAdapter adapter = MySqlAdapter.create(target, ConnectionConfig.builder().maxConnections(concurrency + 1).minIdleConnections(0)
                .statementTimeout(Duration.ofMinutes(2)).build(), factory -> counting(factory, statements, roundTrips));
        try {
            long started = System.nanoTime();
            long collected = Sweep.of(adapter, MultiDatabaseConfig.builder().include(prefix() + "*").maxConcurrency(concurrency).build())
                    .outcomes()
                    .filter(DatabaseOutcome.Collected.class::isInstance)
                    .count()
                    .block();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (collected != databases) {
                throw new IllegalStateException("dbsurveyor collected " + collected + " of " + databases + " databases");
            }
            return new Run(seconds, collected, statements.get(), roundTrips.get());
        } finally {
            adapter.close().block();
        }
    }

    private static ConnectionFactory counting(ConnectionFactory factory, AtomicLong statements, AtomicLong roundTrips) {
        return ProxyConnectionFactory.builder(factory)
                .onBeforeQuery(execution -> {
                    roundTrips.incrementAndGet();
                    execution.getQueries().forEach(query -> statements.addAndGet(query.getQuery().split(";\n").length));
                })
                .build();
    }

    /** For each database a new connection to it and one query per catalog view, every row read; the same concurrency. */
    private Run baseline(int concurrency) {
        AtomicLong statements = new AtomicLong();
        AtomicLong roundTrips = new AtomicLong();
        long started = System.nanoTime();
        Long done = Flux.range(0, databases)
                .flatMap(i -> {
                    String name = prefix() + i;
                    ConnectionFactory factory = counting(plain(name), statements, roundTrips);
                    return Mono.usingWhen(Mono.from(factory.create()),
                            connection -> Flux.fromIterable(VIEWS)
                                    .concatMap(view -> Flux.from(connection.createStatement("SELECT * FROM information_schema." + view[0]
                                            + " WHERE " + view[1] + " = '" + name + "'").execute()).concatMap(result -> result.map(row -> 1)))
                                    .count(),
                            Connection::close);
                }, concurrency)
                .count()
                .block();
        return new Run((System.nanoTime() - started) / 1e9, done, statements.get(), roundTrips.get());
    }

    private ConnectionFactory plain(String database) {
        return PlainConnections.toMySql(target, database);
    }

    private String report(String version, List<String> rows) {
        return "# Sweeps of many MySQL/MariaDB databases\n\n"
                + "Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " with `benchmarks/run mysql-sweep`: " + databases
                + " databases of " + tables + " tables each (each table with a primary key, a foreign key and an index; a view, a "
                + "function and a trigger per database). dbsurveyor sweeps them through `Sweep.outcomes` (databases read in batches, "
                + "every document built); the baseline reads the same catalog views per database: a new connection to the database "
                + "and one query per view (" + VIEWS.size() + "), every row read, no document built. Both at the same concurrency, "
                + "statements and round trips counted with r2dbc-proxy; median of " + runs + " runs after a warm-up. Latency is added by a "
                + "TCP proxy in the benchmark that forwards each chunk, both ways, that long after it arrived.\n\n"
                + "| latency each way | concurrency | dbsurveyor wall | dbsurveyor rate | statements | round trips | per-database wall | per-database rate "
                + "| statements | round trips | speed-up |\n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
                + String.join("\n", rows) + "\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JVM " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + "; server " + version + " on the same host over TCP loopback.\n";
    }
}
