package dev.dbsurveyor.cli;

import dev.dbsurveyor.testing.BoundedPoll;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.adapter.mysql.MySqlAdapter;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.output.ExitCodes;
import dev.dbsurveyor.output.SweepFiles;
import dev.dbsurveyor.retry.RetryPolicy;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.SweepListener;
import dev.dbsurveyor.testing.MySql;
import dev.dbsurveyor.testing.RecordingProxy;
import dev.dbsurveyor.testing.StatementRewriting;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code collect --resume} on MariaDB (or MySQL), where databases are read in batches: what the
 * server is asked for is read off the wire (every statement of a batch names its databases), so
 * a resume is seen to read again exactly the databases its rules select, in batches of their own.
 */
class ResumeMySqlIT {

    private static final Environment NO_ENVIRONMENT = new Environment(Map.of(), Path.of("/nonexistent"));

    @TempDir
    Path directory;

    /** How a statement names a database: the hexadecimal literal of its UTF-8 name. */
    private static String literal(String database) {
        return "X'" + HexFormat.of().formatHex(database.getBytes(StandardCharsets.UTF_8)) + "'";
    }

    /** The databases of {@code names} that clients asked the server about, by name or literal. */
    private static Set<String> askedAbout(RecordingProxy proxy, List<String> names) {
        String sent = proxy.clientBytes().toLowerCase(Locale.ROOT);
        Set<String> asked = new TreeSet<>();
        names.forEach(name -> {
            if (sent.contains(literal(name).toLowerCase(Locale.ROOT)) || sent.contains(name.toLowerCase(Locale.ROOT))) {
                asked.add(name);
            }
        });
        return asked;
    }

    /** Makes one database's read of {@code view} sleep past the statement time limit, in whatever batch it is read. */
    private static String slowed(String sql, String view, String database) {
        String reads = "FROM information_schema." + view + "\n WHERE TABLE_SCHEMA IN (" + literal(database) + ")";
        return sql.replace(reads, "FROM (SELECT * FROM information_schema." + view + " WHERE SLEEP(1) = 0) AS slow\n WHERE TABLE_SCHEMA IN ("
                + literal(database) + ")");
    }

    @Test
    void aResumeReadsAgainInBatchesExactlyWhatFailedWasNotReachedOrIsNewAndEndsAsAFreshSweep(@MySql TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("resume_maria_") + "_";
        List<String> names = IntStream.range(0, 16).mapToObj(i -> {
            String name = server.createDatabase(prefix + String.format("%02d", i));
            server.execute(name, "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(40), KEY (label))",
                    "CREATE TABLE orders (id INT PRIMARY KEY, item INT, FOREIGN KEY (item) REFERENCES items (id))");
            return name;
        }).toList();
        String partial = names.get(2);
        String stuck = names.get(12);
        Path output = directory.resolve("out");

        try (RecordingProxy proxy = new RecordingProxy(server.endpoint().host(), server.endpoint().port())) {
            String url = server.endpoint().url().replace(":" + server.endpoint().port(), ":" + proxy.port());
            MultiDatabaseConfig config = MultiDatabaseConfig.builder().include(prefix + "[0-9]*").maxConcurrency(4)
                    .retryPolicy(RetryPolicy.none()).build();
            // The first run: one database's indexes time out (its whole batch lists the failure); one batch waits when it is cancelled.
            MySqlAdapter adapter = MySqlAdapter.create(ServerTarget.parse(url, NO_ENVIRONMENT),
                    ConnectionConfig.builder().statementTimeout(Duration.ofSeconds(3)).build(),
                    StatementRewriting.rewriting(sql -> slowed(slowed(sql, "STATISTICS", partial), "TABLES", stuck)));
            CountDownLatch settled = new CountDownLatch(1);
            try {
                Disposable first = SweepFiles.toDirectory(adapter, config, SweepListener.none(), Files.createDirectories(output),
                        settled::countDown).subscribe();
                awaitFiles(output, 12);
                first.dispose();
                assertThat(settled.await(30, TimeUnit.SECONDS)).as("files settled after the cancel").isTrue();
            } finally {
                adapter.close().block();
            }
            DirectorySnapshot snapshot = new DirectorySnapshot(output);
            snapshot.assertEveryFileValid();
            Map<String, JsonNode> entries = snapshot.entries();
            assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(names);
            Set<String> expected = new TreeSet<>();
            entries.forEach((name, entry) -> {
                if (entry.get("object_failure_count").asInt() > 0 || entry.at("/status/Skipped/reason").asText().startsWith("not reached")) {
                    expected.add(name);
                }
            });
            assertThat(entries.get(partial).get("object_failure_count").asInt()).as("the indexes of its batch").isPositive();
            assertThat(entries.get(stuck).at("/status/Skipped/reason").asText()).startsWith("not reached");
            String dropped = names.stream().filter(name -> !expected.contains(name)).findFirst().orElseThrow();
            server.dropDatabase(dropped);
            String created = server.createDatabase(prefix + "16");
            server.execute(created, "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(40), KEY (label))",
                    "CREATE TABLE orders (id INT PRIMARY KEY, item INT, FOREIGN KEY (item) REFERENCES items (id))");
            expected.add(created);
            Map<String, String> checksumsBefore = snapshot.checksums();
            proxy.forget();

            CommandRun resume = CommandRun.of("collect", url, "--include", prefix + "[0-9]*", "--output-dir", output.toString(), "--resume",
                    "--no-progress", "--max-concurrency", "4");

            assertThat(resume.exitCode()).as(resume.all()).isEqualTo(ExitCodes.OK);
            List<String> everyName = Stream.concat(names.stream(), Stream.of(created)).toList();
            assertThat(askedAbout(proxy, everyName)).as("databases the server was asked about").isEqualTo(expected);
            snapshot.assertEveryFileValid();
            Map<String, JsonNode> resumed = snapshot.entries();
            assertThat(resumed.get(dropped).get("stale_since").isTextual()).isTrue();
            Set<String> changed = new TreeSet<>();
            snapshot.checksums().forEach((file, sum) -> {
                if (!sum.equals(checksumsBefore.get(file))) {
                    changed.add(file);
                }
            });
            Set<String> expectedFiles = new TreeSet<>(Set.of("manifest.json"));
            expected.forEach(name -> expectedFiles.add(resumed.get(name).get("file").asText()));
            assertThat(changed).isEqualTo(expectedFiles);

            Path fresh = directory.resolve("fresh");
            CommandRun freshSweep = CommandRun.of("collect", url, "--include", prefix + "[0-9]*", "--output-dir", fresh.toString(),
                    "--no-progress", "--max-concurrency", "4");
            assertThat(freshSweep.exitCode()).as(freshSweep.all()).isEqualTo(ExitCodes.OK);
            new DirectorySnapshot(fresh).assertEveryFileValid();
            Map<String, JsonNode> comparable = new java.util.TreeMap<>(snapshot.comparable());
            comparable.remove(dropped + " entry");
            comparable.remove(dropped + " document");
            assertThat(comparable).as("the resumed directory but its stale entry, apart from times and sizes")
                    .isEqualTo(new DirectorySnapshot(fresh).comparable());
        }
    }

    private static void awaitFiles(Path output, int count) {
        if (!BoundedPoll.until(() -> databaseFiles(output) >= count, Duration.ofSeconds(60))) {
            throw new AssertionError("the sweep did not write " + count + " files in time");
        }
    }

    private static long databaseFiles(Path output) {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(file -> file.toString().endsWith(".dbsurveyor.json")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
