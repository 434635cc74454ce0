package dev.dbsurveyor.sweep;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.model.MultiDatabaseOutput;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.Engine;
import dev.dbsurveyor.testing.LatencyProxy;
import dev.dbsurveyor.testing.TestCertificates;
import dev.dbsurveyor.testing.TestServer;
import dev.dbsurveyor.testing.TlsPostgresServers;
import dev.dbsurveyor.testing.TlsPostgresServers.Certificate;
import dev.dbsurveyor.testing.TlsServers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What TLS costs per database, run on demand (never by the build): on the private TLS servers of
 * both engines, through a latency proxy adding 0 or 5 ms each way, with {@code sslmode=disable},
 * {@code prefer} and {@code verify-full}, it times (1) opening one connection and asking one
 * question on a fresh adapter (the handshake's share), (2) collecting each of 50 small databases
 * one after another, and (3) a sweep of the 50 at {@code max_concurrency} 8; after a pass for the
 * JIT, in three rounds with the modes interleaved. Prints a Markdown table of medians (of the
 * samples of each round, then of the rounds). Run it as docs/TLS.md says.
 */
public final class TlsCostBenchmark {

    private static final int DATABASES = 50;
    private static final int CONNECTIONS = 30;
    private static final int ROUNDS = 3;

    private TlsCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("tls-benchmark-home");
        Environment environment = new Environment(Map.of(), home);
        System.out.println("| engine | added latency | sslmode | connect + 1 query (median ms) | collect 1 database (median ms) | sweep of 50, concurrency 8 (s) |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (Engine engine : Engine.values()) {
            try (TestServer admin = new TestServer(TlsServers.withTls(engine, Certificate.RIGHT_NAME))) {
                String prefix = TestServer.uniqueName("tls_bench_") + "_";
                List<String> databases = IntStream.range(0, DATABASES).mapToObj(i -> {
                    String name = admin.createDatabase(prefix + i);
                    admin.execute(name, "CREATE TABLE t1 (id int PRIMARY KEY, label text)",
                            "CREATE TABLE t2 (id int PRIMARY KEY, t1 int REFERENCES t1 (id))");
                    return name;
                }).toList();
                for (long delay : new long[] {0, 5}) {
                    try (LatencyProxy proxy = new LatencyProxy("127.0.0.1", admin.endpoint().port(), delay)) {
                        Map<String, ServerTarget> targets = new java.util.LinkedHashMap<>();
                        for (String mode : List.of("disable", "prefer", "verify-full")) {
                            targets.put(mode, ServerTarget.parse((engine == Engine.POSTGRES ? "postgresql" : "mariadb") + "://"
                                    + TlsPostgresServers.USER + "@127.0.0.1:" + proxy.port() + "?sslmode=" + mode
                                    + (mode.equals("verify-full") ? "&sslrootcert=" + TestCertificates.shared().trusted().certificateFile() : ""),
                                    environment));
                        }
                        // One unmeasured pass first (the JIT), then rounds with the modes interleaved, so that a slow
                        // moment of this shared machine does not fall on one mode alone.
                        Map<String, List<double[]>> rounds = new java.util.LinkedHashMap<>();
                        for (int round = 0; round <= ROUNDS; round++) {
                            for (Map.Entry<String, ServerTarget> mode : targets.entrySet()) {
                                double[] figures = {connectMillis(mode.getValue()), collectMillis(mode.getValue(), databases),
                                        sweepSeconds(mode.getValue(), prefix)};
                                if (round > 0) {
                                    rounds.computeIfAbsent(mode.getKey(), key -> new ArrayList<>()).add(figures);
                                }
                            }
                        }
                        rounds.forEach((mode, figures) -> System.out.printf(Locale.ROOT, "| %s | %d ms each way | %s | %.1f | %.1f | %.2f |%n",
                                engine.label(), delay, mode, median(figures, 0), median(figures, 1), median(figures, 2)));
                    }
                }
            }
        }
        System.exit(0);
    }

    /** A fresh adapter per sample, so that each opens one new connection: its handshake included. */
    private static double connectMillis(ServerTarget target) {
        ConnectionConfig config = ConnectionConfig.builder().maxConnections(1).minIdleConnections(0).build();
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS + 3; i++) {
            DatabaseAdapter adapter = DatabaseAdapters.create(target, config);
            long started = System.nanoTime();
            adapter.transportSecurity().block(Duration.ofSeconds(30));
            long elapsed = System.nanoTime() - started;
            adapter.close().block(Duration.ofSeconds(30));
            if (i >= 3) {
                samples.add(elapsed / 1e6);
            }
        }
        return median(samples);
    }

    private static double collectMillis(ServerTarget target, List<String> databases) {
        DatabaseAdapter adapter = DatabaseAdapters.create(target, ConnectionConfig.builder().maxConnections(4).minIdleConnections(1).build());
        try {
            adapter.collect(databases.get(0)).block(Duration.ofSeconds(60));
            List<Double> samples = new ArrayList<>();
            for (String database : databases) {
                long started = System.nanoTime();
                adapter.collect(database).block(Duration.ofSeconds(60));
                samples.add((System.nanoTime() - started) / 1e6);
            }
            return median(samples);
        } finally {
            adapter.close().block(Duration.ofSeconds(30));
        }
    }

    private static double sweepSeconds(ServerTarget target, String prefix) {
        DatabaseAdapter adapter = DatabaseAdapters.create(target, ConnectionConfig.builder().maxConnections(8).minIdleConnections(1).build());
        try {
            MultiDatabaseConfig config = MultiDatabaseConfig.builder().include(prefix + "*").maxConcurrency(8).build();
            long started = System.nanoTime();
            MultiDatabaseOutput output = Sweep.of(adapter, config).collectAll().block(Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (((MultiDatabaseOutput.Bundle) output).result().collectionMetadata().databasesCollected() != DATABASES) {
                throw new IllegalStateException("The sweep did not collect every database");
            }
            return seconds;
        } finally {
            adapter.close().block(Duration.ofSeconds(30));
        }
    }

    private static double median(List<double[]> rounds, int figure) {
        return median(rounds.stream().map(values -> values[figure]).toList());
    }

    private static double median(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
