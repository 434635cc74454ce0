package dev.dbsurveyor.sweep;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.BlockingSql;
import dev.dbsurveyor.testing.EmbeddedPostgresServer;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.ServerEndpoint;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library sweeps 2,000 databases five times in one JVM: what a sweep leaves behind (server
 * connections, live threads, heap after a full collection) is the same after the fifth as after
 * the first, so that a long-running application can sweep again and again. The one exception is
 * Reactor's shared pool for blocking work, whose idle workers stay up to 60 s and whose number is
 * capped: it is checked against its cap. Each run writes its figures to {@code target/soak.md}.
 */
class SoakIT {

    private static final int DATABASES = 2_000;
    private static final int SWEEPS = 5;
    private static final String APPLICATION = "dbsurveyor_soak";
    /** Room for what a JVM allocates on its own between two measurements (JIT, class data): far less than one sweep's documents. */
    private static final long HEAP_SLACK_BYTES = 8L << 20;

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    /** Reactor's shared pool for blocking work: its workers come as work needs them, up to a cap, and leave after 60 s idle. */
    private static final String BLOCKING_POOL_WORKERS = "boundedElastic-#";
    /**
     * Threads that watch child processes other test classes in this JVM started (embedded PostgreSQL
     * servers being stopped): they end when those processes do, on their schedule, not the sweep's.
     */
    private static final Pattern CHILD_PROCESS_WATCHERS = Pattern.compile("process reaper.*|postgres:pid.*");

    /**
     * What one sweep left behind once it completed and its connections were closed: among other
     * things, live threads by name (digits replaced by {@code #}).
     */
    private record Residue(int sweep, long collected, Duration took, long serverConnections, Map<String, Long> threads, long heapAfterGc) {

        long liveThreads() {
            return threads.values().stream().mapToLong(Long::longValue).sum();
        }

        Map<String, Long> threadsOutsideTheBlockingPool() {
            Map<String, Long> others = new TreeMap<>(threads);
            others.remove(BLOCKING_POOL_WORKERS);
            others.keySet().removeIf(name -> CHILD_PROCESS_WATCHERS.matcher(name).matches());
            return others;
        }

        long blockingPoolWorkers() {
            return threads.getOrDefault(BLOCKING_POOL_WORKERS, 0L);
        }

        String row() {
            return "| " + sweep + " | " + collected + " | " + String.format("%.1f s", took.toMillis() / 1000.0) + " | "
                    + serverConnections + " | " + liveThreads() + " (" + blockingPoolWorkers() + " blocking-pool workers) | "
                    + String.format("%.1f MB", heapAfterGc / 1048576.0) + " |";
        }
    }

    @Test
    void fiveSweepsOfTwoThousandDatabasesLeaveTheSameConnectionsThreadsAndHeap() throws Exception {
        List<String> versions = EmbeddedPostgresServer.availableVersions();
        Assumptions.assumeFalse(versions.isEmpty(), "embedded PostgreSQL binaries are provided by the build");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(versions.get(versions.size() - 1),
                Map.of("fsync", "off", "full_page_writes", "off", "synchronous_commit", "off"))) {
            ServerEndpoint endpoint = server.endpoint();
            createDatabases(endpoint);
            ServerTarget target = ServerTarget.parse(endpoint.url() + "/postgres?application_name=" + APPLICATION,
                    new Environment(Map.of(), Path.of("/nonexistent")));
            MultiDatabaseConfig config = MultiDatabaseConfig.builder().include("soak_*").exclude("soak_template").maxConcurrency(8).build();

            List<Residue> residues = new ArrayList<>();
            for (int sweep = 1; sweep <= SWEEPS; sweep++) {
                long started = System.nanoTime();
                long collected = Sweeps.outcomes(target, ConnectionConfig.defaults(), config, SweepListener.none())
                        .filter(DatabaseOutcome.Collected.class::isInstance)
                        .count()
                        .block(Duration.ofMinutes(5));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(collected).as("databases collected by sweep %d", sweep).isEqualTo(DATABASES);
                residues.add(new Residue(sweep, collected, took, BlockingSql.postgresSessionsLeft(endpoint.options(null), APPLICATION, Duration.ofSeconds(2)), liveThreads(),
                        heapAfterGc()));
            }
            writeReport(residues);

            Residue first = residues.get(0);
            Residue last = residues.get(SWEEPS - 1);
            assertThat(last.serverConnections()).as("server connections left").isEqualTo(first.serverConnections()).isZero();
            assertThat(last.threadsOutsideTheBlockingPool()).as("live threads after the last sweep, against the first")
                    .isEqualTo(first.threadsOutsideTheBlockingPool());
            assertThat(last.blockingPoolWorkers()).as("workers of Reactor's blocking pool, which it caps")
                    .isLessThanOrEqualTo(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE);
            assertThat(last.heapAfterGc()).as("heap after GC after the last sweep, against the first")
                    .isLessThanOrEqualTo(first.heapAfterGc() + HEAP_SLACK_BYTES);
        }
    }

    private static void createDatabases(ServerEndpoint endpoint) throws InterruptedException, ExecutionException {
        BlockingSql.execute(endpoint.options(null), "CREATE DATABASE soak_template");
        BlockingSql.execute(endpoint.options("soak_template"),
                "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, created_at timestamptz)",
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers, total numeric(12, 2))",
                "CREATE INDEX ON orders (customer_id)",
                "CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100");
        // Batches of 100 on four sessions at once, from threads of the test's own that end before the first measurement;
        // a batch that fails fails the test.
        ExecutorService sessions = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> batches = IntStream.range(0, DATABASES / 100).<Callable<Void>>mapToObj(batch -> () -> {
                BlockingSql.execute(endpoint.options(null), IntStream.range(batch * 100, batch * 100 + 100)
                        .mapToObj(i -> "CREATE DATABASE soak_" + i + " TEMPLATE soak_template")
                        .toArray(String[]::new));
                return null;
            }).toList();
            for (Future<Void> batch : sessions.invokeAll(batches)) {
                batch.get();
            }
        } finally {
            sessions.shutdown();
            assertThat(sessions.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    private static Map<String, Long> liveThreads() {
        return new TreeMap<>(Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(thread -> thread.getName().replaceAll("[0-9]+", "#"), Collectors.counting())));
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void writeReport(List<Residue> residues) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "| sweep | collected | time | server connections left | live threads | heap after GC |",
                "| --- | --- | --- | --- | --- | --- |"));
        residues.forEach(residue -> lines.add(residue.row()));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "soak.md"), lines);
    }
}
