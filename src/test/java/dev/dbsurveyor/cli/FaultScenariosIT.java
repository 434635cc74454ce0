package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.ExitCodes;
import dev.dbsurveyor.output.FileTrees;
import dev.dbsurveyor.testing.BlockingSql;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.EmbeddedPostgresServer;
import dev.dbsurveyor.testing.FaultProxy;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.SecretScan;
import dev.dbsurveyor.testing.TestServer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sweeps of 50 databases through the real command line while the server, the network or the
 * output fails under them. Every scenario checks the same promises: the run ends on its own
 * within {@link #BOUND}, every enumerated database is in the output exactly once, every file
 * present is complete and valid, the exit code is the documented one, no connection is left open,
 * and the password (unique per scenario) appears nowhere. Each scenario adds a row to
 * {@code target/fault-scenarios.md}.
 */
class FaultScenariosIT {

    private static final int DATABASES = 50;
    /**
     * What the flags below imply for the slowest database: four attempts of at most a connect
     * timeout (2 s) and a reply deadline (statement timeout 2 s + 5 s) each, plus at most 5 s of
     * backoff, is 41 s; a sweep whose faults all come at once ends well within a minute.
     */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final List<String> REPORT = new ArrayList<>(List.of(
            "| scenario | databases | outcome | exit code | time | connections left |",
            "| --- | --- | --- | --- | --- | --- |"));

    @TempDir
    Path directory;

    @AfterAll
    static void writeReport() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "fault-scenarios.md"), REPORT);
    }

    @Test
    void backendsKilledRepeatedlyAreRetriedAndEveryDatabaseIsCollected(@Postgres TestServer server) throws Exception {
        Sweep sweep = Sweep.prepare(server, directory, "killed");

        Outcome outcome = sweep.run(() -> {
            sweep.awaitFiles(5);
            for (int round = 0; round < 6; round++) {
                server.query(null, "SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = '"
                        + sweep.application + "'");
                // The fault's rhythm, not a wait for a result.
                Thread.sleep(200);
            }
        });

        outcome.assertAccounted(sweep.databases, 0).assertExitCode(ExitCodes.OK);
        sweep.report("backends killed 6 times, 200 ms apart", outcome);
    }

    @Test
    void aServerRestartedMidwayIsWaitedForAndEveryDatabaseIsCollected() throws Exception {
        try (EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(newestEmbeddedVersion());
             TestServer server = new TestServer(embedded.endpoint())) {
            Sweep sweep = Sweep.prepare(server, directory, "restart");

            Outcome outcome = sweep.run(() -> {
                sweep.awaitFiles(10);
                embedded.restart(Duration.ofMillis(500));
            });

            outcome.assertAccounted(sweep.databases, 0).assertExitCode(ExitCodes.OK);
            sweep.report("server restarted (fast shutdown, 0.5 s down)", outcome);
        }
    }

    @Test
    void connectionsRefusedWhileOtherClientsHoldEverySlotAreRetried() throws Exception {
        try (EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(newestEmbeddedVersion(),
                Map.of("max_connections", "20", "superuser_reserved_connections", "3"));
             TestServer server = new TestServer(embedded.endpoint())) {
            Sweep sweep = Sweep.prepare(server, directory, "full");
            ConnectionFactoryOptions asOtherClient = sweep.optionsAsSweeper("postgres");
            List<Connection> held = new ArrayList<>();
            List<String> refusals = new ArrayList<>();

            Outcome outcome;
            try {
                for (int i = 0; i < 17; i++) {
                    held.add(Mono.from(ConnectionFactories.get(asOtherClient).create()).block(Duration.ofSeconds(10)));
                }
                Mono.from(ConnectionFactories.get(asOtherClient).create()).flatMap(extra -> Mono.from(extra.close()))
                        .onErrorResume(refused -> Mono.fromRunnable(() -> refusals.add(refused.getMessage())))
                        .block(Duration.ofSeconds(10));
                outcome = sweep.run(() -> {
                    // How long other clients keep every slot: the fault itself.
                    Thread.sleep(1500);
                    closeAll(held);
                });
            } finally {
                closeAll(held);
            }

            outcome.assertAccounted(sweep.databases, 0).assertExitCode(ExitCodes.OK);
            assertThat(refusals).as("every slot was taken when the sweep started").singleElement().asString().contains("connection slots");
            assertThat(outcome.took()).as("the sweep waited for a slot").isGreaterThan(Duration.ofMillis(1500));
            sweep.report("max_connections reached by other clients for the first 1.5 s", outcome);
        }
    }

    @Test
    void connectionsThatStallAreGivenUpAfterTheReplyDeadlineAndRetried(@Postgres TestServer server) throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.endpoint().host(), server.endpoint().port())) {
            Sweep sweep = Sweep.prepare(server, directory, "stall").through(proxy);

            Outcome outcome = sweep.run(() -> {
                sweep.awaitFiles(10);
                proxy.stallAtClientChunk(4, 3);
            });

            outcome.assertAccounted(sweep.databases, 0).assertExitCode(ExitCodes.OK);
            assertThat(proxy.stalledConnections()).as("connections stalled with their query").isEqualTo(3);
            assertThat(proxy.openConnectionsAfter(Duration.ofSeconds(2))).as("connections left through the proxy").isZero();
            sweep.report("network stalls: 3 connections pass nothing more once their query is sent", outcome);
        }
    }

    @Test
    void connectionsCutTwiceAreRetriedAndEveryDatabaseIsCollected(@Postgres TestServer server) throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.endpoint().host(), server.endpoint().port())) {
            Sweep sweep = Sweep.prepare(server, directory, "cut").through(proxy);

            Outcome outcome = sweep.run(cutTwice(sweep, proxy));

            outcome.assertAccounted(sweep.databases, 0).assertExitCode(ExitCodes.OK);
            assertThat(proxy.openConnectionsAfter(Duration.ofSeconds(2))).as("connections left through the proxy").isZero();
            sweep.report("network cuts every open connection, twice", outcome);
        }
    }

    @Test
    void aSeparateProcessWhoseConnectionsAreCutPrintsNoDriverErrorAndNoStackTrace(@Postgres TestServer server) throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.endpoint().host(), server.endpoint().port())) {
            Sweep sweep = Sweep.prepare(server, directory, "process").through(proxy);

            Outcome outcome = sweep.runAsProcess(cutTwice(sweep, proxy));

            outcome.assertAccounted(sweep.databases, 0).assertExitCode(ExitCodes.OK);
            assertThat(outcome.err()).as("what the process printed on stderr, its libraries' logs included")
                    .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("ERROR");
            assertThat(proxy.openConnectionsAfter(Duration.ofSeconds(2))).as("connections left through the proxy").isZero();
            sweep.report("network cuts every open connection twice, separate process", outcome);
        }
    }

    @Test
    void aDatabaseDroppedMidwayFailsAsNotFoundAndOneCreatedMidwayIsNotCollected(@Postgres TestServer server) throws Exception {
        Sweep sweep = Sweep.prepare(server, directory, "dropped");
        String dropped = sweep.databases.get(DATABASES - 1);
        String created = sweep.prefix + "created";

        Outcome outcome = sweep.run(() -> {
            sweep.awaitFiles(5);
            server.dropDatabase(dropped);
            server.createDatabase(created);
        });

        outcome.assertAccounted(sweep.databases, 1).assertExitCode(ExitCodes.OK);
        assertThat(outcome.status(dropped)).isEqualTo("Failed");
        assertThat(outcome.document(dropped).toString()).contains("does not exist");
        assertThat(outcome.names()).doesNotContain(created);
        sweep.report("a database dropped and one created midway", outcome);
    }

    @Test
    void connectRevokedMidwayFailsThatDatabaseAsAPermissionError(@Postgres TestServer server) throws Exception {
        Sweep sweep = Sweep.prepare(server, directory, "revoked");
        String revoked = sweep.databases.get(DATABASES - 1);

        Outcome outcome = sweep.run(() -> {
            sweep.awaitFiles(5);
            server.execute(null, "REVOKE CONNECT ON DATABASE " + server.engine().quote(revoked) + " FROM PUBLIC");
        });

        outcome.assertAccounted(sweep.databases, 1).assertExitCode(ExitCodes.OK);
        assertThat(outcome.status(revoked)).isEqualTo("Failed");
        assertThat(outcome.document(revoked).toString()).contains("permission denied");
        sweep.report("CONNECT revoked on one database midway", outcome);
    }

    @Test
    void aStatementTimingOutInOneDatabaseIsRetriedThenRecordedAsAnObjectFailure(@Postgres TestServer server) throws Exception {
        Sweep sweep = Sweep.prepare(server, directory, "timeout");
        String locked = sweep.databases.get(DATABASES / 2);
        CompletableFuture<Void> lockHeld = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        Thread holder = new Thread(() -> Mono.usingWhen(Mono.from(server.connectionFactory(locked).create()),
                connection -> Flux.from(connection.createStatement("BEGIN; LOCK TABLE pg_catalog.pg_trigger IN ACCESS EXCLUSIVE MODE")
                                .execute()).concatMap(result -> result.getRowsUpdated()).then()
                        .then(Mono.fromRunnable(() -> lockHeld.complete(null)))
                        .then(Mono.fromFuture(release)),
                Connection::close).block(Duration.ofSeconds(120)), "pg-trigger-lock-holder");
        holder.start();
        lockHeld.get(30, TimeUnit.SECONDS);

        Outcome outcome;
        try {
            outcome = sweep.run(() -> { });
        } finally {
            release.complete(null);
            holder.join(30_000);
        }

        outcome.assertAccounted(sweep.databases, 0).assertExitCode(ExitCodes.OK);
        assertThat(outcome.document(locked).at("/collection_metadata/object_failures").toString())
                .contains("Trigger").contains("Timeout");
        sweep.report("one database's catalog locked: its trigger query times out", outcome);
    }

    @Test
    void theOutputDirectoryRemovedMidwayEndsTheRunWithOneLineAndExitCodeOne(@Postgres TestServer server) throws Exception {
        Sweep sweep = Sweep.prepare(server, directory, "removed");

        Outcome outcome = sweep.run(() -> {
            sweep.awaitFiles(10);
            Path away = sweep.output.resolveSibling("removed-away");
            Files.move(sweep.output, away);
            FileTrees.delete(away);
        });

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ExitCodes.NOTHING_USABLE);
        assertThat(outcome.err().lines().filter(line -> line.startsWith("dbsurveyor:")).toList()).hasSize(1);
        assertThat(outcome.err()).doesNotContain("\tat ");
        outcome.assertEveryFileValid();
        sweep.report("output directory removed midway", outcome);
    }

    @Test
    void aFullDiskEndsTheRunWithOneLineAndExitCodeOneAndNoHalfWrittenFile(@Postgres TestServer server) throws Exception {
        Path mount = Files.createDirectories(directory.resolve("small-disk"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mounting.waitFor(10, TimeUnit.SECONDS) && mounting.exitValue() == 0,
                "a small file system can be mounted (needs root)");
        try {
            Sweep sweep = Sweep.prepare(server, directory, "full_disk").writingTo(mount.resolve("out"));

            Outcome outcome = sweep.run(() -> { });

            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ExitCodes.NOTHING_USABLE);
            assertThat(outcome.err()).containsIgnoringCase("no space left").doesNotContain("\tat ");
            outcome.assertEveryFileValid();
            sweep.report("disk full while writing", outcome);
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Cuts every connection open through the proxy once 10 files are written, and again at 25. */
    private static Fault cutTwice(Sweep sweep, FaultProxy proxy) {
        return () -> {
            sweep.awaitFiles(10);
            proxy.cutOpenConnections();
            sweep.awaitFiles(25);
            proxy.cutOpenConnections();
        };
    }

    private static String newestEmbeddedVersion() {
        List<String> versions = EmbeddedPostgresServer.availableVersions();
        Assumptions.assumeFalse(versions.isEmpty(), "embedded PostgreSQL binaries are provided by the build");
        return versions.get(versions.size() - 1);
    }

    /** Runs the command line as its own JVM from the jar the build packaged; its output is read whole once it exits. */
    private static CommandRun runJar(String... args) {
        return CommandProcess.run(List.of(), args);
    }

    private static void closeAll(List<Connection> connections) {
        Flux.fromIterable(List.copyOf(connections)).flatMap(Connection::close).onErrorResume(e -> Mono.empty()).blockLast(Duration.ofSeconds(10));
        connections.clear();
    }

    /** A fault injected while the sweep runs, from its own thread. */
    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    /** Fifty databases, a role with a unique password that sweeps them, and where the run writes. */
    private static final class Sweep {

        private final TestServer server;
        private final String prefix;
        private final String application;
        private final String role;
        private final String password;
        private final List<String> databases;
        private Path output;
        private volatile CompletableFuture<CommandRun> running;
        private String host;
        private int port;

        private Sweep(TestServer server, String prefix, String role, String password, List<String> databases, Path output) {
            this.server = server;
            this.prefix = prefix;
            this.application = prefix + "app";
            this.role = role;
            this.password = password;
            this.databases = databases;
            this.output = output;
            this.host = server.endpoint().host();
            this.port = server.endpoint().port();
        }

        static Sweep prepare(TestServer server, Path directory, String scenario) {
            String prefix = TestServer.uniqueName("fault_" + scenario + "_") + "_";
            String password = SecretScan.uniquePassword();
            String role = server.createRole(password);
            String template = server.createDatabase(prefix + "template");
            server.execute(template, "DO $$ BEGIN FOR i IN 1..4 LOOP "
                    + "EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, label text)', i); "
                    + "EXECUTE format('CREATE INDEX ON t%s (label)', i); END LOOP; END $$");
            server.execute(template, "CREATE VIEW labels AS SELECT label FROM t1");
            List<String> databases = IntStream.range(0, DATABASES)
                    .mapToObj(i -> server.createDatabase(prefix + String.format("%02d", i), template)).toList();
            return new Sweep(server, prefix, role, password, databases, directory.resolve(scenario));
        }

        Sweep through(FaultProxy proxy) {
            this.host = "127.0.0.1";
            this.port = proxy.port();
            return this;
        }

        Sweep writingTo(Path output) {
            this.output = output;
            return this;
        }

        ConnectionFactoryOptions optionsAsSweeper(String database) {
            return server.options(database).mutate().option(ConnectionFactoryOptions.USER, role).build();
        }

        /** Runs the sweep on this thread and the fault beside it; fails when the run outlives the bound. */
        Outcome run(Fault fault) throws Exception {
            return run(fault, CommandRun::of);
        }

        /**
         * The same as a separate process ({@code java -jar target/dbsurveyor.jar}), so that what
         * the drivers log to the process's stderr is seen too.
         */
        Outcome runAsProcess(Fault fault) throws Exception {
            return run(fault, FaultScenariosIT::runJar);
        }

        private Outcome run(Fault fault, Function<String[], CommandRun> command) throws Exception {
            String url = "postgresql://" + role + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@" + host + ":" + port
                    + "/postgres?application_name=" + application;
            ConcurrentLinkedQueue<Throwable> faultErrors = new ConcurrentLinkedQueue<>();
            Thread injector = new Thread(() -> {
                try {
                    fault.inject();
                } catch (Exception | AssertionError e) {
                    faultErrors.add(e);
                }
            }, "fault-injector");
            long started = System.nanoTime();
            String[] args = {"collect", url, "--all-databases", "--include", prefix + "[0-9]*", "--output-dir", output.toString(),
                    "--no-progress", "--max-concurrency", "4", "--connect-timeout", "2", "--statement-timeout", "2", "--acquire-timeout", "10"};
            running = CompletableFuture.supplyAsync(() -> command.apply(args));
            injector.start();
            CommandRun run;
            try {
                run = running.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the sweep did not end within " + BOUND, e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            injector.join(BOUND.toMillis());
            assertThat(faultErrors).as("the fault could be injected").isEmpty();
            Outcome outcome = new Outcome(run, output, took, BlockingSql.postgresSessionsLeft(server.options(null), application, Duration.ofSeconds(2)));
            outcome.assertSecretAbsent(password);
            assertThat(outcome.connectionsLeft()).as("connections of the sweep left on the server: %s", BlockingSql.query(server.options(null),
                    "SELECT datname, state, query FROM pg_stat_activity WHERE application_name = '" + application + "'") + run.err()).isZero();
            return outcome;
        }

        /** Waits until the run has written {@code count} database files. */
        void awaitFiles(int count) throws InterruptedException {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (System.nanoTime() < deadline && !running.isDone()) {
                try (Stream<Path> files = Files.list(output)) {
                    if (files.filter(file -> file.toString().endsWith(".dbsurveyor.json")).count() >= count) {
                        return;
                    }
                } catch (IOException notYet) {
                    // The directory does not exist yet.
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the sweep ended or ran out of time before it wrote " + count + " files");
        }

        void report(String scenario, Outcome outcome) {
            REPORT.add("| " + scenario + " | " + DATABASES + " | " + outcome.summary() + " | " + outcome.exitCode() + " | "
                    + String.format("%.1f s", outcome.took().toMillis() / 1000.0) + " | " + outcome.connectionsLeft() + " |");
        }
    }

    /** What a run left: its exit code, what it printed, its files, how long it took and the connections it left. */
    private record Outcome(CommandRun run, Path output, Duration took, long connectionsLeft) {

        int exitCode() {
            return run.exitCode();
        }

        String err() {
            return run.err();
        }

        Outcome assertExitCode(int expected) {
            assertThat(run.exitCode()).as(run.all()).isEqualTo(expected);
            return this;
        }

        /**
         * Every enumerated database exactly once in the manifest (the swept ones with a valid
         * file each, {@code failed} of them failed; the others filtered).
         */
        Outcome assertAccounted(List<String> swept, int failed) {
            assertEveryFileValid();
            JsonNode manifest = manifest();
            assertThat(names()).as(run.all()).doesNotHaveDuplicates().containsAll(swept);
            assertThat(statuses().keySet()).as(run.all()).containsExactlyInAnyOrderElementsOf(swept);
            assertThat(statuses().values().stream().filter("Failed"::equals).count()).as(run.all()).isEqualTo(failed);
            for (JsonNode entry : manifest.get("databases")) {
                assertThat(output.resolve(entry.get("file").asText())).exists();
            }
            return this;
        }

        void assertEveryFileValid() {
            if (!Files.isDirectory(output)) {
                return;
            }
            try (Stream<Path> files = Files.list(output)) {
                for (Path file : files.toList()) {
                    assertThat(file.getFileName().toString()).as("no temporary file is left").doesNotEndWith(".tmp");
                    ContractSchemas.assertValidFile(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void assertSecretAbsent(String password) {
            SecretScan.assertAbsent(password, "what the run printed", run.all());
            if (Files.isDirectory(output)) {
                SecretScan.assertAbsentFromFiles(password, output);
            }
        }

        JsonNode manifest() {
            if (!Files.exists(output.resolve("manifest.json"))) {
                throw new AssertionError("the run wrote no manifest (exit code " + run.exitCode() + "): " + run.all());
            }
            return read(output.resolve("manifest.json"));
        }

        List<String> names() {
            List<String> names = new ArrayList<>();
            manifest().get("databases").forEach(entry -> names.add(entry.get("name").asText()));
            manifest().get("filtered").forEach(entry -> names.add(entry.get("database_name").asText()));
            return names;
        }

        Map<String, String> statuses() {
            Map<String, String> statuses = new HashMap<>();
            manifest().get("databases").forEach(entry -> statuses.put(entry.get("name").asText(), statusName(entry.get("status"))));
            return statuses;
        }

        /** {@code "Success"}, or the variant of a status with details, such as {@code {"Failed": {...}}}. */
        private static String statusName(JsonNode status) {
            return status.isTextual() ? status.asText() : status.fieldNames().next();
        }

        String status(String database) {
            return statuses().get(database);
        }

        JsonNode document(String database) {
            for (JsonNode entry : manifest().get("databases")) {
                if (entry.get("name").asText().equals(database)) {
                    return read(output.resolve(entry.get("file").asText()));
                }
            }
            throw new AssertionError(database + " is not in the manifest");
        }

        String summary() {
            if (!Files.exists(output.resolve("manifest.json"))) {
                return "stopped with one error line; " + fileCount() + " complete files kept";
            }
            Map<String, Long> counts = new TreeMap<>();
            statuses().values().forEach(status -> counts.merge(status, 1L, Long::sum));
            return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("none");
        }

        private long fileCount() {
            if (!Files.isDirectory(output)) {
                return 0;
            }
            try (Stream<Path> files = Files.list(output)) {
                return files.count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static JsonNode read(Path file) {
            try {
                return ContractMapper.mapper().readTree(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
