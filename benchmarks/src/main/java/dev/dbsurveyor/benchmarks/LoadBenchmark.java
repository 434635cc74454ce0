package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.server.ServerTarget;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load harness: one workload on one server, read by every contender at every latency and
 * concurrency, through a latency proxy that also counts connections and (PostgreSQL) statements.
 * Writes a markdown report and one throughput chart per latency.
 */
final class LoadBenchmark {

    record Options(String url, Scale scale, List<Integer> latencies, List<Integer> concurrencies, List<String> contenders,
                   Duration budget, boolean drop) {

        static Options parse(String[] args) {
            String url = "postgresql://postgres@127.0.0.1:5432";
            Scale scale = Scale.QUICK;
            List<Integer> latencies = List.of(0, 5, 10);
            List<Integer> concurrencies = List.of(1, 4, 16, 64);
            List<String> contenders = List.of("dbsurveyor", "jdbc", "schemacrawler", "pg_dump");
            Duration budget = Duration.ofSeconds(60);
            boolean drop = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = args[++i];
                    case "--scale" -> scale = Scale.named(args[++i]);
                    case "--latencies" -> latencies = numbers(args[++i]);
                    case "--concurrencies" -> concurrencies = numbers(args[++i]);
                    case "--contenders" -> contenders = List.of(args[++i].split(","));
                    case "--budget" -> budget = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--drop" -> drop = true;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            return new Options(url, scale, latencies, concurrencies, contenders, budget, drop);
        }

        private static List<Integer> numbers(String list) {
            return Arrays.stream(list.split(",")).map(Integer::parseInt).toList();
        }
    }

    /** One contender at one latency and concurrency. */
    record Cell(String contender, int latency, int concurrency, int databases, int failed, double seconds, List<Double> latencies,
                long statements, int connections, long threads, long heapAfterGc) {

        double rate() {
            return databases / seconds;
        }

        double percentile(double p) {
            List<Double> sorted = latencies.stream().sorted().toList();
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }
    }

    /** What one database costs at the least through the proxy: connecting, and one round trip for the catalog. */
    record Floor(double connectMillis, double roundTripMillis) {
        double millis() {
            return connectMillis + roundTripMillis;
        }
    }

    private final Options options;
    private final ServerTarget server;

    LoadBenchmark(Options options) {
        this.options = options;
        this.server = ServerTarget.parse(options.url());
    }

    void run(Path resultsDirectory) throws Exception {
        Workload workload = new Workload(server, options.scale().tables);
        List<String> databases = workload.ensure(options.scale().databases);
        String version = WideDatabase.query(workload.admin(), "SELECT version()").get(0);
        List<Contender> contenders = contenders();
        List<Cell> cells = new ArrayList<>();
        List<String> floors = new ArrayList<>();
        try {
            warmUp(contenders, databases);
            for (int latency : options.latencies()) {
                AtomicLong statements = new AtomicLong();
                try (DelayProxy proxy = new DelayProxy(server.host(), server.port(), latency,
                        () -> workload.postgres() ? new PostgresStatementCounter(statements) : (chunk, length) -> { })) {
                    Endpoint endpoint = Endpoint.through(server, "127.0.0.1", proxy.port());
                    Floor floor = floor(endpoint, databases.get(0));
                    floors.add(String.format(Locale.ROOT, "| %d ms | %.1f ms | %.1f ms | %.1f ms |", latency, floor.roundTripMillis(),
                            floor.connectMillis(), floor.millis()));
                    for (Contender contender : contenders) {
                        for (int concurrency : options.concurrencies()) {
                            Cell cell = measure(contender, endpoint, proxy, statements, workload, databases, latency, concurrency);
                            cells.add(cell);
                            System.out.printf(Locale.ROOT, "%2d ms  %-22s c%-3d %5d db in %7.2f s = %8.1f db/s  p50 %7.1f ms  p99 %7.1f ms  "
                                            + "%5.1f statements/db  %3d connections  %3d threads  %6.1f MiB%n", latency, contender.name(),
                                    concurrency, cell.databases(), cell.seconds(), cell.rate(), cell.percentile(0.5), cell.percentile(0.99),
                                    (double) cell.statements() / Math.max(1, cell.databases()), cell.connections(), cell.threads(),
                                    cell.heapAfterGc() / 1048576.0);
                        }
                    }
                }
            }
        } finally {
            if (options.drop()) {
                workload.drop();
            }
        }
        String name = "load-" + (workload.postgres() ? "postgres" : "mysql") + "-" + options.scale().name().toLowerCase(Locale.ROOT);
        Files.createDirectories(resultsDirectory);
        for (int latency : options.latencies()) {
            List<Cell> atLatency = cells.stream().filter(cell -> cell.latency() == latency).toList();
            ThroughputChart.write(resultsDirectory.resolve(name + "-" + latency + "ms.png"),
                    options.scale().label() + ", " + latency + " ms each way", atLatency);
        }
        String report = new LoadReport(options, version, workload.postgres(), cells, floors, name).markdown();
        Files.writeString(resultsDirectory.resolve(name + ".md"), report);
        System.out.print(report);
    }

    private List<Contender> contenders() {
        List<Contender> all = List.of(new DbSurveyorContender(), new JdbcContender(), new SchemaCrawlerContender(), new PgDumpContender());
        List<String> keys = List.of("dbsurveyor", "jdbc", "schemacrawler", "pg_dump");
        Endpoint direct = Endpoint.through(server, server.host(), server.port());
        return options.contenders().stream().map(key -> all.get(keys.indexOf(key))).filter(contender -> contender.supports(direct)).toList();
    }

    /**
     * Every contender once on a few databases, without latency, so that class loading and JIT
     * compiling are over before anything is timed; then every database read once, so that the
     * first contender does not pay alone for bringing the databases' catalogs into the caches.
     */
    private void warmUp(List<Contender> contenders, List<String> databases) throws Exception {
        Endpoint direct = Endpoint.through(server, server.host(), server.port());
        List<String> few = databases.subList(0, Math.min(10, databases.size()));
        for (Contender contender : contenders) {
            contender.run(direct, few, 4, Duration.ofSeconds(30));
        }
        new JdbcContender().run(direct, databases, 8, Duration.ofMinutes(30));
    }

    private Cell measure(Contender contender, Endpoint endpoint, DelayProxy proxy, AtomicLong statements, Workload workload,
                         List<String> databases, int latency, int concurrency) throws Exception {
        System.gc();
        proxy.takePeakConnections();
        long questionsBefore = workload.postgres() ? 0 : questions(workload);
        statements.set(0);
        try (RunProbe probe = new RunProbe()) {
            long started = System.nanoTime();
            ContenderRun run = contender.run(endpoint, databases, concurrency, options.budget());
            double seconds = (System.nanoTime() - started) / 1e9;
            long sent = workload.postgres() ? statements.get() : questions(workload) - questionsBefore - 1;
            if (run.failed() > 0) {
                System.out.printf("%s failed on %d databases, first: %s%n", contender.name(), run.failed(), run.firstError());
            }
            return new Cell(contender.name(), latency, concurrency, run.latencies().size(), run.failed(), seconds, run.latencies(), sent,
                    proxy.takePeakConnections(), probe.peakThreadsAdded(), probe.peakHeapAfterGc());
        }
    }

    /** The server's count of statements run, for MySQL and MariaDB, read outside the proxy. */
    private static long questions(Workload workload) {
        return Mono.usingWhen(Mono.from(workload.admin().create()),
                        connection -> Flux.from(connection.createStatement("SHOW GLOBAL STATUS LIKE 'Questions'").execute())
                                .concatMap(result -> result.map(row -> Long.parseLong(row.get(1, String.class))))
                                .next(),
                        Connection::close)
                .block(Duration.ofSeconds(30));
    }

    /** The median of five connects (with the driver settings dbsurveyor uses) and five round trips through the proxy. */
    private Floor floor(Endpoint endpoint, String database) {
        ConnectionFactory factory = endpoint.postgres()
                ? new io.r2dbc.postgresql.PostgresqlConnectionFactory(io.r2dbc.postgresql.PostgresqlConnectionConfiguration.builder()
                        .host(endpoint.host()).port(endpoint.port()).username(endpoint.user()).password(endpoint.password())
                        .database(database).autodetectExtensions(false).build())
                : io.asyncer.r2dbc.mysql.MySqlConnectionFactory.from(io.asyncer.r2dbc.mysql.MySqlConnectionConfiguration.builder()
                        .host(endpoint.host()).port(endpoint.port()).user(endpoint.user()).password(endpoint.password())
                        .connectionTimeZone("UTC").forceConnectionTimeZoneToSession(true).autodetectExtensions(false)
                        .sslMode(io.asyncer.r2dbc.mysql.constant.SslMode.DISABLED).build());
        List<Double> connects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            Connection connection = Mono.from(factory.create()).block(Duration.ofSeconds(30));
            connects.add((System.nanoTime() - started) / 1e6);
            Mono.from(connection.close()).block(Duration.ofSeconds(30));
        }
        DatabaseAdapter adapter = DatabaseAdapters.create(endpoint.target(), ConnectionConfig.builder().minIdleConnections(0).build());
        try {
            List<Double> trips = Flux.range(0, 5).concatMap(i -> adapter.roundTrip()).map(trip -> trip.toNanos() / 1e6).collectList().block();
            return new Floor(median(connects), median(trips));
        } finally {
            adapter.close().block();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static String machine(String serverVersion) {
        return host() + "; server " + serverVersion + " on the same host over TCP loopback, through the benchmark's latency proxy.";
    }

    /** The cores, memory, operating system and this JVM. */
    static String host() {
        String memory;
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").findFirst().orElse("?");
        } catch (java.io.IOException e) {
            memory = "?";
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + memory + " of memory, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + "; JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " with a " + Runtime.getRuntime().maxMemory() / 1048576 + " MiB heap limit";
    }

    static String measuredAt() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
