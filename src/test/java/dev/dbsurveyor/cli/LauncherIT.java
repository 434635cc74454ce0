package dev.dbsurveyor.cli;

import dev.dbsurveyor.sweep.Sweep;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher and the class-data-sharing archive the build makes (docs/STARTUP.md): the launcher
 * says nothing of its JVM options unless asked, never prints the command's arguments, runs without
 * the options when told to, and the archive is one this JVM maps and that holds nearly every class
 * a real collection loads (a stale class list would show here first).
 */
class LauncherIT {

    private static final Path ARCHIVE = Path.of("target", "dbsurveyor.jsa");

    @TempDir
    Path directory;

    @Test
    void theLauncherPrintsOnlyWhatTheCommandPrints() {
        CommandRun run = CommandProcess.runLauncher(Map.of(), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("dbsurveyor " + Sweep.collectorVersion() + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void askedForItsTraceTheLauncherNamesTheArchiveAndOptionsButNotTheArguments() {
        CommandRun run = CommandProcess.runLauncher(Map.of("DBSURVEYOR_LAUNCH_TRACE", "1"), "--version", "postgresql://u:s3cret@127.0.0.1:1");

        String trace = run.err().lines().filter(line -> line.startsWith("dbsurveyor launcher: ")).findFirst().orElseThrow();
        assertThat(trace).contains("-XX:SharedArchiveFile=" + ARCHIVE.toAbsolutePath(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                .doesNotContain("s3cret", "postgresql://");
    }

    @Test
    void withItsOptionsReplacedTheLauncherRunsThePlainJar() {
        CommandRun run = CommandProcess.runLauncher(Map.of("DBSURVEYOR_JAVA_OPTIONS", "", "DBSURVEYOR_LAUNCH_TRACE", "1"), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("dbsurveyor ");
        assertThat(run.err()).doesNotContain("SharedArchiveFile", "TieredStopAtLevel");
    }

    @Test
    void theArchiveHoldsNearlyEveryClassARealCollectionLoads(@Postgres TestServer server) throws IOException {
        assertThat(ARCHIVE).as("the archive ./mvnw package makes with this JVM").exists();
        String database = server.createDatabase(TestServer.uniqueName("launcher_"));
        server.execute(database, "CREATE TABLE orders (id int PRIMARY KEY, placed timestamptz, note text)",
                "CREATE INDEX orders_placed ON orders (placed)", "CREATE VIEW recent AS SELECT id FROM orders");
        Path classes = directory.resolve("classes.txt");
        Path output = directory.resolve("out.json");

        // -Xshare:on fails the start when this JVM cannot map the archive, instead of starting without it.
        CommandRun run = CommandProcess.run(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:class+load:file=" + classes),
                "collect", server.endpoint().url() + "/" + database, "-o", output.toString(), "--no-progress");

        assertThat(run.exitCode()).as(run.all()).isZero();
        ContractSchemas.assertValidFile(output);
        List<String> loaded = Files.readAllLines(classes).stream().filter(line -> line.contains(" source: ")).toList();
        long shared = loaded.stream().filter(line -> line.contains("source: shared objects file")).count();
        assertThat(loaded).hasSizeGreaterThan(3_000);
        // picocli's classes (Java 5 class files) and the JVM's generated ones cannot be archived.
        assertThat(shared).as("classes from the archive, of %d loaded", loaded.size()).isGreaterThan(loaded.size() * 85 / 100);
    }
}
