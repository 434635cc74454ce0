package dev.dbsurveyor.cli;

import java.util.function.BooleanSupplier;

import java.io.UncheckedIOException;

import java.io.IOException;

import dev.dbsurveyor.testing.BoundedPoll;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.output.DatabaseFileNames;
import dev.dbsurveyor.output.ExitCodes;
import dev.dbsurveyor.testing.BlockingSql;
import dev.dbsurveyor.testing.CatalogLock;
import dev.dbsurveyor.testing.FaultProxy;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.PostgresSessions;
import dev.dbsurveyor.testing.SecretScan;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code collect --output-dir DIR --resume} against a real PostgreSQL, through the real command
 * line: which databases the server sees connections to (its own session counts), which files
 * change (checksums), and that the directory ends as a fresh sweep of the same server would leave it.
 */
class ResumeIT {

    @TempDir
    Path directory;

    /** Databases {@code prefix00…} made from one template, and a role (not a superuser) with a password of its own that sweeps them. */
    private record Databases(TestServer server, String prefix, String role, String password, List<String> names) {

        static Databases create(TestServer server, String scenario, int count) {
            String prefix = TestServer.uniqueName("resume_" + scenario + "_") + "_";
            String password = SecretScan.uniquePassword();
            String role = server.createRole(password);
            String template = server.createDatabase(prefix + "template");
            server.execute(template, "CREATE TABLE items (id int PRIMARY KEY, label text)", "CREATE INDEX ON items (label)",
                    "CREATE TABLE orders (id int PRIMARY KEY, item int REFERENCES items (id))", "CREATE VIEW labels AS SELECT label FROM items",
                    "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                    "CREATE TRIGGER touched BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch()");
            List<String> names = IntStream.range(0, count).mapToObj(i -> server.createDatabase(prefix + String.format("%02d", i), template))
                    .toList();
            return new Databases(server, prefix, role, password, names);
        }

        String application() {
            return prefix + "app";
        }

        String url() {
            return url(server.endpoint().port());
        }

        String url(int port) {
            return "postgresql://" + role + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@127.0.0.1:" + port
                    + "/postgres?application_name=" + application();
        }

        /** The arguments of a sweep of these databases into {@code output}, one at a time unless {@code concurrency} says otherwise. */
        String[] collect(Path output, int concurrency, String... more) {
            List<String> args = new ArrayList<>(List.of("collect", url(), "--all-databases", "--include", prefix + "[0-9]*", "--output-dir",
                    output.toString(), "--no-progress", "--max-concurrency", String.valueOf(concurrency), "--statement-timeout", "1",
                    "--connect-timeout", "5"));
            args.addAll(List.of(more));
            return args.toArray(String[]::new);
        }

        void revokeConnect(String database) {
            server.execute(null, "REVOKE CONNECT ON DATABASE " + server.engine().quote(database) + " FROM PUBLIC");
        }

        void grantConnect(String database) {
            server.execute(null, "GRANT CONNECT ON DATABASE " + server.engine().quote(database) + " TO PUBLIC");
        }

        Map<String, Long> sessions() throws InterruptedException {
            assertThat(BlockingSql.postgresSessionsLeft(server.options(null), application(), Duration.ofSeconds(10)))
                    .as("sessions of the run left on the server").isZero();
            return PostgresSessions.of(server, prefix);
        }

        /** Asserts that neither what a run printed nor any file it wrote shows the role's password. */
        void assertSecretAbsent(CommandRun run, Path output) {
            SecretScan.assertAbsent(password, "what the run printed", run.all());
            SecretScan.assertAbsentFromFiles(password, output);
        }
    }

    /** Waits until {@code count} database files are in {@code output} while {@code process} runs. */
    private static void awaitFiles(Path output, int count, CommandProcess process) {
        BoundedPoll.until(() -> !process.alive() || databaseFiles(output) >= count, Duration.ofSeconds(60));
        if (databaseFiles(output) < count) {
            throw new AssertionError("the run ended or ran out of time before it wrote " + count + " files");
        }
    }

    private static long databaseFiles(Path output) {
        if (!Files.isDirectory(output)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(file -> file.toString().endsWith(".dbsurveyor.json")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code count} files of {@code output} differ from {@code before} while {@code process} runs. */
    private static void awaitChanged(DirectorySnapshot output, Map<String, String> before, int count, CommandProcess process) {
        // Database files only: a temporary file that a write is about to rename is not a changed file yet.
        BooleanSupplier changed = () -> output.checksums().entrySet().stream().filter(file -> file.getKey().endsWith(".dbsurveyor.json")
                && !file.getValue().equals(before.get(file.getKey()))).count() >= count;
        if (!BoundedPoll.until(() -> changed.getAsBoolean() || !process.alive(), Duration.ofSeconds(60)) || !changed.getAsBoolean()) {
            throw new AssertionError("the run ended or ran out of time before it changed " + count + " files");
        }
    }

    private static Set<String> changedFiles(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        after.forEach((file, sum) -> {
            if (!sum.equals(before.get(file))) {
                changed.add(file);
            }
        });
        return changed;
    }

    private static Set<String> filesOf(DirectorySnapshot snapshot, Set<String> databases) {
        Set<String> files = new TreeSet<>();
        databases.forEach(database -> files.add(snapshot.entries().get(database).get("file").asText()));
        return files;
    }

    @Test
    void aResumeReadsAgainExactlyTheUnreadableTheTimedOutAndTheUnreachedDatabasesAndEndsAsAFreshSweep(@Postgres TestServer server)
            throws Exception {
        Databases databases = Databases.create(server, "fifty", 50);
        List<String> names = databases.names();
        Set<String> revoked = Set.of(names.get(0), names.get(1));
        String timedOut = names.get(2);
        // Outcomes come in order, one at a time: the two skipped, then 02…19; 20 waits behind its lock when the run is interrupted.
        String stuck = names.get(20);
        revoked.forEach(databases::revokeConnect);
        Path output = directory.resolve("out");
        CommandRun first;
        try (CatalogLock triggers = CatalogLock.hold(server, timedOut, "pg_trigger");
             CatalogLock waiting = CatalogLock.hold(server, stuck, "pg_trigger")) {
            CommandProcess sweep = CommandProcess.start(databases.collect(output, 1));
            awaitFiles(output, 20, sweep);
            first = sweep.interrupt();
        }
        DirectorySnapshot snapshot = new DirectorySnapshot(output);
        snapshot.assertEveryFileValid();
        databases.assertSecretAbsent(first, output);
        Map<String, JsonNode> entries = snapshot.entries();
        assertThat(entries.keySet()).as(first.all()).containsExactlyInAnyOrderElementsOf(names);
        Set<String> notReached = new TreeSet<>();
        entries.forEach((name, entry) -> {
            if (entry.at("/status/Skipped/reason").asText().startsWith("not reached")) {
                notReached.add(name);
            }
        });
        assertThat(notReached).as("interrupted at the 21st database").hasSize(30).allMatch(name -> name.compareTo(stuck) >= 0);
        assertThat(snapshot.withStatus("Skipped")).containsAll(revoked);
        assertThat(entries.get(timedOut).get("object_failure_count").asInt()).isPositive();
        assertThat(snapshot.document(timedOut).at("/collection_metadata/object_failures").toString()).contains("Trigger").contains("Timeout");
        Set<String> expected = new TreeSet<>(notReached);
        expected.addAll(revoked);
        expected.add(timedOut);
        assertThat(expected).hasSize(2 + 1 + 30);

        revoked.forEach(databases::grantConnect);
        Map<String, String> checksumsBefore = snapshot.checksums();
        Map<String, Long> sessionsBefore = databases.sessions();

        CommandRun resume = CommandRun.of(databases.collect(output, 4, "--resume"));

        assertThat(resume.exitCode()).as(resume.all()).isEqualTo(ExitCodes.OK);
        assertThat(PostgresSessions.connectedBetween(sessionsBefore, databases.sessions())).as("databases the server saw connections to")
                .isEqualTo(expected);
        assertThat(changedFiles(checksumsBefore, snapshot.checksums())).as("files rewritten")
                .isEqualTo(union(filesOf(snapshot, expected), Set.of("manifest.json")));
        assertThat(resume.err()).contains("ran again 33 (collected 33, failed 0, skipped 0), kept 17 (0 of them stale)");
        snapshot.assertEveryFileValid();
        databases.assertSecretAbsent(resume, output);
        Map<String, JsonNode> resumed = snapshot.entries();
        assertThat(resumed.get(timedOut).get("attempts").asInt()).as("attempts across runs").isEqualTo(2);
        assertThat(resumed.get(names.get(30)).get("attempts").asInt()).isEqualTo(1);
        assertThat(resumed.get(names.get(0)).get("attempts").asInt()).isEqualTo(1);
        assertThat(resumed.get(names.get(10))).as("kept as it was").isEqualTo(entries.get(names.get(10)));
        assertThat(snapshot.withStatus("Success")).hasSize(50);

        Path fresh = directory.resolve("fresh");
        CommandRun freshSweep = CommandRun.of(databases.collect(fresh, 4));
        assertThat(freshSweep.exitCode()).as(freshSweep.all()).isEqualTo(ExitCodes.OK);
        new DirectorySnapshot(fresh).assertEveryFileValid();
        assertThat(snapshot.comparable()).as("the resumed directory, apart from times and sizes")
                .isEqualTo(new DirectorySnapshot(fresh).comparable());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    @Test
    void aResumeInterruptedThenKilledHalfwayIsCompletedByTheNextAndNoKeptDatabaseIsEverReadAgain(@Postgres TestServer server)
            throws Exception {
        Databases databases = Databases.create(server, "again", 18);
        List<String> names = databases.names();
        String stuck = names.get(4);
        Path output = directory.resolve("out");
        try (CatalogLock waiting = CatalogLock.hold(server, stuck, "pg_trigger")) {
            CommandProcess sweep = CommandProcess.start(databases.collect(output, 1));
            awaitFiles(output, 4, sweep);
            sweep.interrupt();
        }
        DirectorySnapshot snapshot = new DirectorySnapshot(output);
        snapshot.assertEveryFileValid();
        Set<String> collectedFirst = snapshot.withStatus("Success");
        assertThat(collectedFirst).hasSize(4);
        Map<String, Long> sessionsBefore = databases.sessions();

        Map<String, String> beforeInterrupted = snapshot.checksums();
        CommandProcess interrupted = CommandProcess.start(databases.collect(output, 1, "--resume"));
        awaitChanged(snapshot, beforeInterrupted, 4, interrupted);
        CommandRun interruptedRun = interrupted.interrupt();
        snapshot.assertEveryFileValid();
        assertThat(snapshot.manifest().at("/collection_metadata/warnings").toString()).as(interruptedRun.all())
                .contains("The resume was interrupted");
        Set<String> afterInterrupted = snapshot.withStatus("Success");
        assertThat(afterInterrupted).containsAll(collectedFirst).hasSizeBetween(4 + 4, 17);

        Map<String, String> beforeKilled = snapshot.checksums();
        JsonNode manifestBeforeKilled = snapshot.manifest();
        CommandProcess killed = CommandProcess.start(databases.collect(output, 1, "--resume"));
        awaitChanged(snapshot, beforeKilled, 3, killed);
        killed.kill();
        assertThat(snapshot.manifest()).as("a killed resume leaves the manifest it found").isEqualTo(manifestBeforeKilled);
        Set<String> unfinished = new TreeSet<>(names);
        unfinished.removeAll(afterInterrupted);
        Map<String, Long> sessionsBeforeLast = databases.sessions();

        CommandRun last = CommandRun.of(databases.collect(output, 4, "--resume"));

        assertThat(last.exitCode()).as(last.all()).isEqualTo(ExitCodes.OK);
        snapshot.assertEveryFileValid();
        assertThat(snapshot.withStatus("Success")).containsExactlyInAnyOrderElementsOf(names);
        Map<String, Long> sessionsAfter = databases.sessions();
        assertThat(PostgresSessions.connectedBetween(sessionsBeforeLast, sessionsAfter))
                .as("the last resume reads what the manifest it found had not finished, the killed run's files included").isEqualTo(unfinished);
        assertThat(PostgresSessions.connectedBetween(sessionsBefore, sessionsAfter))
                .as("databases collected by the first run are never read again").doesNotContainAnyElementsOf(collectedFirst);
        Path fresh = directory.resolve("fresh");
        assertThat(CommandRun.of(databases.collect(fresh, 4)).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(snapshot.comparable()).isEqualTo(new DirectorySnapshot(fresh).comparable());
    }

    @Test
    void aDatabaseDroppedBetweenRunsIsMarkedStaleWithItsFileKeptAndOneCreatedIsCollected(@Postgres TestServer server) throws Exception {
        Databases databases = Databases.create(server, "stale", 4);
        Path output = directory.resolve("out");
        assertThat(CommandRun.of(databases.collect(output, 4)).exitCode()).isEqualTo(ExitCodes.OK);
        DirectorySnapshot snapshot = new DirectorySnapshot(output);
        String dropped = databases.names().get(1);
        server.dropDatabase(dropped);
        String created = server.createDatabase(databases.prefix() + "99");
        Map<String, String> checksumsBefore = snapshot.checksums();
        Map<String, Long> sessionsBefore = databases.sessions();

        CommandRun resume = CommandRun.of(databases.collect(output, 4, "--resume"));

        assertThat(resume.exitCode()).as(resume.all()).isEqualTo(ExitCodes.OK);
        snapshot.assertEveryFileValid();
        assertThat(PostgresSessions.connectedBetween(sessionsBefore, databases.sessions())).containsExactly(created);
        Map<String, JsonNode> entries = snapshot.entries();
        assertThat(entries.get(dropped).get("stale_since").isTextual()).as("marked stale").isTrue();
        assertThat(DirectorySnapshot.status(entries.get(dropped))).isEqualTo("Success");
        assertThat(output.resolve(entries.get(dropped).get("file").asText())).exists();
        assertThat(DirectorySnapshot.status(entries.get(created))).isEqualTo("Success");
        assertThat(changedFiles(checksumsBefore, snapshot.checksums())).isEqualTo(Set.of("manifest.json",
                entries.get(created).get("file").asText()));
        JsonNode metadata = snapshot.manifest().get("collection_metadata");
        assertThat(metadata.get("databases_collected").asInt()).as("a stale entry counts as none").isEqualTo(4);
        assertThat(resume.err()).contains("kept 4 (1 of them stale)");

        Map<String, String> beforeSecond = snapshot.checksums();
        String staleSince = entries.get(dropped).get("stale_since").asText();
        CommandRun second = CommandRun.of(databases.collect(output, 4, "--resume"));
        assertThat(second.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(changedFiles(beforeSecond, snapshot.checksums())).as("nothing left to do").containsExactly("manifest.json");
        assertThat(snapshot.entries().get(dropped).get("stale_since").asText()).as("the date it was first found gone").isEqualTo(staleSince);
    }

    @Test
    void aResumeOfFailuresOnlyKeepsWhatWasSkippedAndOneWithOtherFiltersSaysSoInOneLineAndAppliesThem(@Postgres TestServer server)
            throws Exception {
        Databases databases = Databases.create(server, "scope", 3);
        List<String> names = databases.names();
        String denied = names.get(0);
        databases.revokeConnect(denied);
        Path output = directory.resolve("out");
        assertThat(CommandRun.of(databases.collect(output, 4)).exitCode()).isEqualTo(ExitCodes.OK);
        DirectorySnapshot snapshot = new DirectorySnapshot(output);
        assertThat(snapshot.withStatus("Skipped")).containsExactly(denied);
        databases.grantConnect(denied);
        String firstRun = Files.readString(output.resolve(DatabaseFileNames.fileName(names.get(2))));
        Map<String, String> checksumsBefore = snapshot.checksums();
        Map<String, Long> sessionsBefore = databases.sessions();

        CommandRun failedOnly = CommandRun.of(databases.collect(output, 4, "--resume=failed"));

        assertThat(failedOnly.exitCode()).as(failedOnly.all()).isEqualTo(ExitCodes.OK);
        assertThat(PostgresSessions.connectedBetween(sessionsBefore, databases.sessions())).as(firstRun).isEmpty();
        assertThat(changedFiles(checksumsBefore, snapshot.checksums())).containsExactly("manifest.json");
        assertThat(snapshot.withStatus("Skipped")).containsExactly(denied);

        List<String> otherFilters = new ArrayList<>(List.of(databases.collect(output, 4, "--resume")));
        otherFilters.addAll(List.of("--exclude", names.get(2)));
        CommandRun narrower = CommandRun.of(otherFilters.toArray(String[]::new));

        assertThat(narrower.exitCode()).as(narrower.all()).isEqualTo(ExitCodes.OK);
        assertThat(narrower.err().lines().filter(line -> line.contains("filters differ")).toList()).singleElement().asString()
                .startsWith("warning: the filters differ").contains("--exclude '" + names.get(2) + "'");
        assertThat(snapshot.withStatus("Success")).containsExactlyInAnyOrderElementsOf(names);
        assertThat(snapshot.manifest().at("/filters/exclude/0").asText()).isEqualTo(names.get(2));
        assertThat(snapshot.manifest().at("/collection_metadata/warnings").toString()).contains("the filters differ");
        snapshot.assertEveryFileValid();
    }

    @Test
    void aResumeAgainstAnotherServerIsExitTwoNamingBothAndChangesNothing(@Postgres TestServer server) throws Exception {
        Databases databases = Databases.create(server, "other", 2);
        Path output = directory.resolve("out");
        assertThat(CommandRun.of(databases.collect(output, 4)).exitCode()).isEqualTo(ExitCodes.OK);
        DirectorySnapshot snapshot = new DirectorySnapshot(output);
        Map<String, String> checksumsBefore = snapshot.checksums();
        Map<String, Long> sessionsBefore = databases.sessions();

        CommandRun resume;
        try (FaultProxy elsewhere = new FaultProxy(server.endpoint().host(), server.endpoint().port())) {
            List<String> args = new ArrayList<>(List.of(databases.collect(output, 4, "--resume")));
            args.set(1, databases.url(elsewhere.port()));
            resume = CommandRun.of(args.toArray(String[]::new));
        }

        assertThat(resume.exitCode()).as(resume.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(resume.err().strip()).startsWith("dbsurveyor: cannot resume: the manifest belongs to another server: PostgreSQL at 127.0.0.1:"
                + server.endpoint().port() + ", not PostgreSQL at 127.0.0.1:").doesNotContain("\tat ");
        assertThat(resume.err().lines()).hasSize(1);
        assertThat(snapshot.checksums()).as("nothing in the directory changed").isEqualTo(checksumsBefore);
        assertThat(PostgresSessions.connectedBetween(sessionsBefore, databases.sessions())).as("no database was read").isEmpty();
        databases.assertSecretAbsent(resume, output);
    }
}
