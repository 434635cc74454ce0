package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.fleet.Shard;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.ExitCodes;
import dev.dbsurveyor.testing.BoundedPoll;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.FleetDirectories;
import dev.dbsurveyor.testing.FleetFixture;
import dev.dbsurveyor.testing.LatencyProxy;
import dev.dbsurveyor.testing.MySql;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code collect --inventory}, {@code --shard}, {@code --resume} and {@code merge} through the
 * packaged command against a fleet of real servers: the local PostgreSQL and MariaDB, three
 * embedded PostgreSQL instances (one behind a latency proxy, so that a shard can be killed
 * midway) and a port where nothing listens.
 */
class FleetCommandIT {

    private static final int DATABASES = 30;

    @TempDir
    Path directory;

    private Path inventory(FleetFixture fleet) throws IOException {
        Path file = directory.resolve("fleet.yaml");
        Files.writeString(file, fleet.inventory(Map.of("dead", List.of("connect_timeout: 1"), "embedded-c", List.of("max_connections: 2"))));
        return file;
    }

    private static CommandRun collect(Path inventory, Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("collect", "--inventory", inventory.toString(), "--output-dir", output.toString(),
                "--no-progress"));
        args.addAll(List.of(more));
        return CommandProcess.run(Map.of(), args.toArray(String[]::new));
    }

    private static boolean hasDocument(Path serverDirectory) {
        if (!Files.isDirectory(serverDirectory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(serverDirectory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".dbsurveyor.json"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A fleet manifest without what differs from run to run: times, durations, and how the directory came to be. */
    private static JsonNode withoutTimes(Path fleetDirectory) throws IOException {
        ObjectNode manifest = (ObjectNode) ContractMapper.mapper().readTree(fleetDirectory.resolve("fleet.json").toFile());
        assertThat(ContractSchemas.errors(ContractSchemas.Kind.FLEET, manifest)).as(fleetDirectory.toString()).isEmpty();
        manifest.remove(List.of("started_at", "collection_duration_ms", "merged_shards", "max_concurrency"));
        manifest.get("servers").forEach(server -> ((ObjectNode) server).remove("collection_duration_ms"));
        return manifest;
    }

    private static List<String> names(Path serverDirectory) throws IOException {
        try (Stream<Path> files = Files.list(serverDirectory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void threeShardsOneKilledMidwayAndResumedMergeIntoWhatOneProcessCollects(@Postgres TestServer postgres, @MySql TestServer mysql)
            throws Exception {
        try (FleetFixture fleet = FleetFixture.start(postgres, mysql, 3, DATABASES);
             LatencyProxy slow = new LatencyProxy("127.0.0.1", URI.create(fleet.members().get("embedded-c").url()).getPort(), 15)) {
            fleet.reroute("embedded-c", "postgresql://postgres@127.0.0.1:" + slow.port() + "?sslmode=disable");
            Path inventory = inventory(fleet);
            Path whole = directory.resolve("whole");

            CommandRun one = collect(inventory, whole);
            assertThat(one.exitCode()).as(one.all()).isEqualTo(ExitCodes.OK);
            assertThat(one.err()).contains("server dead failed: ").contains("servers 6 (failed 1");
            FleetDirectories.assertValid(whole, 5, DATABASES);

            int killed = Shard.of("embedded-c", 3);
            List<Path> shards = new ArrayList<>();
            for (int index = 0; index < 3; index++) {
                Path shard = directory.resolve("shard-" + index);
                shards.add(shard);
                if (index != killed) {
                    CommandRun run = collect(inventory, shard, "--shard", index + "/3");
                    assertThat(run.exitCode()).as(run.all()).isIn(ExitCodes.OK, ExitCodes.NOTHING_USABLE);
                }
            }
            Path interrupted = shards.get(killed);
            CommandProcess running = CommandProcess.start("collect", "--inventory", inventory.toString(), "--output-dir", interrupted.toString(),
                    "--no-progress", "--shard", killed + "/3");
            assertThat(BoundedPoll.until(() -> hasDocument(interrupted.resolve("embedded-c")), Duration.ofSeconds(60)))
                    .as("the slow server's first document").isTrue();
            running.kill();
            assertThat(interrupted.resolve("fleet.json")).as("killed before its fleet manifest").doesNotExist();
            assertThat(interrupted.resolve("embedded-c").resolve("manifest.json")).doesNotExist();

            CommandRun resumed = collect(inventory, interrupted, "--shard", killed + "/3", "--resume");
            assertThat(resumed.exitCode()).as(resumed.all()).isIn(ExitCodes.OK, ExitCodes.NOTHING_USABLE);

            Path merged = directory.resolve("merged");
            CommandRun merge = CommandProcess.run(Map.of(), "merge", shards.get(0).toString(), shards.get(1).toString(),
                    shards.get(2).toString(), "-o", merged.toString());
            assertThat(merge.exitCode()).as(merge.all()).isEqualTo(ExitCodes.OK);
            assertThat(merge.err()).contains("merged 3 shards: 6 servers (1 failed)");

            assertThat(withoutTimes(merged)).isEqualTo(withoutTimes(whole));
            FleetDirectories.assertValid(merged, 5, DATABASES);
            for (String label : List.of("local-pg", "local-maria", "embedded-a", "embedded-b", "embedded-c")) {
                assertThat(names(merged.resolve(label))).as(label).isEqualTo(names(whole.resolve(label)));
                CommandRun diff = CommandRun.of("diff", whole.resolve(label).toString(), merged.resolve(label).toString());
                assertThat(diff.exitCode()).as(label + ": " + diff.all()).isZero();
            }
            CommandRun validate = CommandRun.of("validate", merged.toString());
            assertThat(validate.exitCode()).as(validate.all()).isZero();
            assertThat(validate.out()).contains(merged.resolve("fleet.json") + ": valid");

            CommandRun twice = CommandProcess.run(Map.of(), "merge", shards.get(0).toString(), shards.get(0).toString(), shards.get(1).toString(),
                    "-o", directory.resolve("twice").toString());
            assertOneLineError(twice, "is given twice");
            CommandRun missing = CommandProcess.run(Map.of(), "merge", shards.get(0).toString(), shards.get(1).toString(),
                    "-o", directory.resolve("missing").toString());
            assertOneLineError(missing, "is missing");
            assertThat(directory.resolve("twice")).doesNotExist();
            assertThat(directory.resolve("missing")).doesNotExist();
        }
    }

    @Test
    void anInterruptedFleetRunWritesItsManifestAndResumeCompletesIt(@Postgres TestServer postgres, @MySql TestServer mysql) throws Exception {
        try (FleetFixture fleet = FleetFixture.start(postgres, mysql, 1, 10);
             LatencyProxy slow = new LatencyProxy("127.0.0.1", URI.create(fleet.members().get("embedded-a").url()).getPort(), 25)) {
            fleet.reroute("embedded-a", "postgresql://postgres@127.0.0.1:" + slow.port() + "?sslmode=disable");
            Path inventory = directory.resolve("fleet.yaml");
            Files.writeString(inventory, fleet.inventory(Map.of("dead", List.of("connect_timeout: 1"), "embedded-a", List.of("max_connections: 2"))));
            Path output = directory.resolve("fleet");
            CommandProcess running = CommandProcess.start("collect", "--inventory", inventory.toString(), "--output-dir", output.toString(),
                    "--no-progress");
            assertThat(BoundedPoll.until(() -> hasDocument(output.resolve("embedded-a")), Duration.ofSeconds(60))).isTrue();

            CommandRun interrupted = running.interrupt();

            assertThat(interrupted.exitCode()).as("SIGTERM ended it: " + interrupted.all()).isNotZero();
            JsonNode manifest = ContractMapper.mapper().readTree(output.resolve("fleet.json").toFile());
            assertThat(ContractSchemas.errors(ContractSchemas.Kind.FLEET, manifest)).isEmpty();
            JsonNode slowServer = null;
            for (JsonNode server : manifest.get("servers")) {
                if (server.get("label").asText().equals("embedded-a")) {
                    slowServer = server;
                }
            }
            assertThat(slowServer.get("status").asText()).isEqualTo("interrupted");
            assertThat(output.resolve("embedded-a").resolve("manifest.json")).as("the server's files settled before the fleet manifest").exists();

            CommandRun resumed = collect(inventory, output, "--resume");
            assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(ExitCodes.OK);
            FleetDirectories.assertValid(output, 3, 10);
            JsonNode complete = ContractMapper.mapper().readTree(output.resolve("fleet.json").toFile());
            assertThat(complete.get("totals").get("databases_collected").asInt()).isEqualTo(30);
            assertThat(complete.toString()).doesNotContain("interrupted");
        }
    }

    @Test
    void badInventoriesAndOptionsAreOneLineAndExit2WithoutAPasswordShown(@Postgres TestServer postgres) throws Exception {
        String password = "inventory" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        Path withPassword = directory.resolve("secret.txt");
        Files.writeString(withPassword, "# servers\n" + postgres.endpoint().url().replace("postgresql://postgres@", "postgresql://postgres:" + password + "@")
                + "\n");
        CommandRun run = collect(withPassword, directory.resolve("out"));
        assertOneLineError(run, "holds a password");
        assertThat(run.all()).doesNotContain(password);

        Path plain = directory.resolve("plain.txt");
        Files.writeString(plain, postgres.endpoint().url() + "\n");
        assertOneLineError(collect(plain, directory.resolve("out"), "--shard", "3/3"), "shard 3 of 3 does not exist");
        assertOneLineError(CommandProcess.run(Map.of(), "collect", postgres.endpoint().url(), "--inventory", plain.toString(), "--output-dir",
                directory.resolve("out").toString()), "not both");
        assertOneLineError(CommandProcess.run(Map.of(), "collect", "--inventory", plain.toString()), "--output-dir");
        assertOneLineError(collect(directory.resolve("none.yaml"), directory.resolve("out")), "no such inventory");
        Path yaml = directory.resolve("bad.yaml");
        Files.writeString(yaml, "servers:\n  - url: " + postgres.endpoint().url() + "\n    max_conections: 3\n");
        assertOneLineError(collect(yaml, directory.resolve("out")), "unknown setting 'max_conections'");

        Path dead = directory.resolve("dead.txt");
        Files.writeString(dead, "postgresql://postgres@127.0.0.1:1\n");
        CommandRun nothing = collect(dead, directory.resolve("dead-out"), "--connect-timeout", "1");
        assertThat(nothing.exitCode()).as(nothing.all()).isEqualTo(ExitCodes.NOTHING_USABLE);
        assertThat(nothing.err()).contains("server 127.0.0.1-1 failed: ");

        Path mixed = directory.resolve("mixed.txt");
        Files.writeString(mixed, postgres.endpoint().url() + "\npostgresql://postgres@127.0.0.1:1  # nothing listens\n");
        CommandRun usable = collect(mixed, directory.resolve("mixed-out"), "--include", "postgres", "--connect-timeout", "1");
        assertThat(usable.exitCode()).as(usable.all()).isEqualTo(ExitCodes.OK);
        CommandRun strict = collect(mixed, directory.resolve("strict-out"), "--include", "postgres", "--connect-timeout", "1", "--strict");
        assertThat(strict.exitCode()).as("a failed server under --strict: " + strict.all()).isEqualTo(ExitCodes.NOTHING_USABLE);
    }

    private static void assertOneLineError(CommandRun run, String contains) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).as(run.all()).hasSize(1);
        assertThat(run.err()).startsWith("dbsurveyor: ").contains(contains).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
