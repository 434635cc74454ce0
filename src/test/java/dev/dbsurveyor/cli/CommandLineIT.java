package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.DatabaseFileNames;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.SecretScan;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real command line, in-process, against a real PostgreSQL: every exit code, outputs that validate, files that stay put. */
class CommandLineIT {

    @TempDir
    Path directory;

    private static String url(TestServer server, String database) {
        return server.endpoint().url() + "/" + database;
    }

    private static List<String> databases(TestServer server, String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            String name = server.createDatabase(prefix + i);
            server.execute(name, "CREATE TABLE t (id int PRIMARY KEY, label text)");
            return name;
        }).toList();
    }

    private static JsonNode read(Path file) throws IOException {
        return ContractMapper.mapper().readTree(Files.readString(file));
    }

    @Test
    void collectingOneDatabaseWritesItsDocumentAndExitsZero(@Postgres TestServer server) throws Exception {
        String database = server.createDatabase();
        server.execute(database, "CREATE TABLE items (id int PRIMARY KEY, name text)");
        Path output = directory.resolve("schema.json");

        CommandRun run = CommandRun.of("collect", url(server, database), "-o", output.toString(), "--no-progress");

        assertThat(run.exitCode()).as(run.all()).isZero();
        ContractSchemas.assertValidFile(output);
        assertThat(read(output).at("/tables/0/name").asText()).isEqualTo("items");
        assertThat(run.err()).contains("wrote " + output);
        assertThat(CommandRun.of("validate", output.toString()).exitCode()).isZero();
    }

    @Test
    void samplesAreWrittenForOneDatabaseAndForASweepOnlyWhenAsked(@Postgres TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("cli_sample_") + "_";
        List<String> names = databases(server, prefix, 2);
        for (String name : names) {
            server.execute(name, "INSERT INTO t SELECT g, 'label ' || g FROM generate_series(1, 9) g",
                    "CREATE TABLE people (id int PRIMARY KEY, email text)", "INSERT INTO people VALUES (1, 'ada@example.com')");
        }
        Path one = directory.resolve("one.json");
        Path sweep = directory.resolve("sweep.json");
        Path plain = directory.resolve("plain.json");

        CommandRun oneRun = CommandRun.of("collect", url(server, names.get(0)), "--sample", "3", "--no-redact", "-o", one.toString());
        CommandRun sweepRun = CommandRun.of("collect", server.endpoint().url(), "--include", prefix + "*", "--sample", "2",
                "--sample-rate", "200", "-o", sweep.toString());
        CommandRun plainRun = CommandRun.of("collect", url(server, names.get(0)), "-o", plain.toString());

        assertThat(List.of(oneRun.exitCode(), sweepRun.exitCode(), plainRun.exitCode())).as(oneRun.all() + sweepRun.all()).containsOnly(0);
        ContractSchemas.assertValidFile(one);
        ContractSchemas.assertValidFile(sweep);
        ContractSchemas.assertValidFile(plain);
        JsonNode samples = read(one).at("/samples");
        assertThat(samples).hasSize(2);
        JsonNode sampleOfT = java.util.stream.StreamSupport.stream(samples.spliterator(), false)
                .filter(sample -> sample.get("table_name").asText().equals("t")).findFirst().orElseThrow();
        assertThat(sampleOfT.get("rows").findValuesAsText("id")).containsExactly("9", "8", "7");
        assertThat(read(one).toString()).contains("ada@example.com");
        assertThat(oneRun.err()).contains("sampled 2 tables, 0 skipped");
        JsonNode swept = read(sweep).at("/databases");
        assertThat(swept).hasSize(2);
        for (JsonNode database : swept) {
            assertThat(database.at("/schema/samples")).hasSize(2);
        }
        assertThat(read(sweep).toString()).doesNotContain("ada@example.com").contains("[REDACTED]");
        assertThat(read(plain).at("/samples").isNull()).isTrue();
    }

    @Test
    void aSweepWritesAValidBundleOrADirectoryWithTheManifestLast(@Postgres TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("cli_") + "_";
        List<String> names = databases(server, prefix, 3);
        Path bundle = directory.resolve("server.json");

        CommandRun bundleRun = CommandRun.of("collect", server.endpoint().url(), "--include", prefix + "*", "-o", bundle.toString());

        assertThat(bundleRun.exitCode()).as(bundleRun.all()).isZero();
        ContractSchemas.assertValidFile(bundle);
        assertThat(read(bundle).at("/databases")).hasSize(3);
        assertThat(bundleRun.err()).contains("collected 3, failed 0, skipped 0");

        Path out = directory.resolve("out");
        CommandRun directoryRun = CommandRun.of("collect", url(server, "postgres"), "--all-databases", "--include", prefix + "*",
                "--output-dir", out.toString());

        assertThat(directoryRun.exitCode()).as(directoryRun.all()).isZero();
        ContractSchemas.assertValidFile(out.resolve("manifest.json"));
        for (String name : names) {
            ContractSchemas.assertValidFile(out.resolve(DatabaseFileNames.fileName(name)));
        }
        assertThat(read(out.resolve("manifest.json")).at("/databases")).hasSize(3);
        CommandRun validate = CommandRun.of("validate", out.toString());
        assertThat(validate.exitCode()).as(validate.all()).isZero();
        assertThat(validate.out().lines()).hasSize(4).allMatch(line -> line.endsWith(": valid"));

        Files.writeString(out.resolve(DatabaseFileNames.fileName(names.get(0))), "{\"format_version\": \"2.0\"}");
        CommandRun invalid = CommandRun.of("validate", out.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out()).contains("/format_version").contains("database_info");
    }

    @Test
    void databaseNamesWithSlashesAndDotsStayInsideTheOutputDirectory(@Postgres TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("cli_") + "_";
        String escape = prefix + "../escape";
        String slash = prefix + "a/b";
        server.createDatabase(escape);
        server.createDatabase(slash);
        Path out = directory.resolve("out");

        CommandRun run = CommandRun.of("collect", server.endpoint().url(), "--include", prefix + "*", "--output-dir", out.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        try (Stream<Path> everything = Files.walk(directory)) {
            assertThat(everything.filter(Files::isRegularFile).toList()).allMatch(file -> file.getParent().equals(out));
        }
        assertThat(out.resolve(DatabaseFileNames.fileName(escape))).exists();
        assertThat(out.resolve(DatabaseFileNames.fileName(slash))).exists();
        assertThat(read(out.resolve("manifest.json")).findValuesAsText("name")).contains(escape, slash);
        ContractSchemas.assertValidFile(out.resolve("manifest.json"));
    }

    @Test
    void whenNoSelectedDatabaseGivesADocumentTheExitCodeIsOne(@Postgres TestServer server) {
        CommandRun missing = CommandRun.of("collect", url(server, "dbsurveyor_no_such_database"), "-o", directory.resolve("a.json").toString());

        assertThat(missing.exitCode()).as(missing.all()).isEqualTo(1);
        assertThat(missing.err()).startsWith("dbsurveyor: ").contains("dbsurveyor_no_such_database").contains("check the database name")
                .doesNotContain("\tat ");
        assertThat(directory.resolve("a.json")).doesNotExist();

        CommandRun nothingSelected = CommandRun.of("collect", server.endpoint().url(), "--include", "dbsurveyor_nothing_matches_*",
                "-o", directory.resolve("b.json").toString());
        assertThat(nothingSelected.exitCode()).as(nothingSelected.all()).isEqualTo(1);
        ContractSchemas.assertValidFile(directory.resolve("b.json"));
    }

    @Test
    void aTableWhoseRowsTheRoleMayNotReadIsAnObjectFailureThatStrictLetsPass(@Postgres TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("cli_rows_") + "_";
        List<String> names = databases(server, prefix, 2);
        String role = server.createRole("rows-pw");
        for (String name : names) {
            server.execute(name, "CREATE TABLE hidden (id int PRIMARY KEY)", "GRANT SELECT ON t TO " + server.engine().quote(role));
        }
        String url = server.endpoint().url().replaceFirst("://[^@]*@", "://" + role + ":rows-pw@");
        Path bundle = directory.resolve("rows.json");

        CommandRun run = CommandRun.of("collect", url, "--include", prefix + "*", "--strict", "--sample", "2", "-o", bundle.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        ContractSchemas.assertValidFile(bundle);
        for (JsonNode database : read(bundle).at("/databases")) {
            assertThat(database.at("/schema/collection_metadata/object_failures")).singleElement().satisfies(failure -> {
                assertThat(failure.get("object_name").asText()).isEqualTo("hidden");
                assertThat(failure.get("stage").asText()).isEqualTo("SampleData");
                assertThat(failure.get("error_category").asText()).isEqualTo("Permission");
            });
        }
        assertThat(run.all()).doesNotContain("rows-pw");
    }

    @Test
    void strictTurnsAFailedDatabaseIntoExitCodeOne(@Postgres TestServer server) {
        String prefix = TestServer.uniqueName("cli_") + "_";
        List<String> names = databases(server, prefix, 2);
        server.execute(null, "ALTER DATABASE " + server.engine().quote(names.get(0)) + " CONNECTION LIMIT 0");
        String role = server.createRole("strict-pw");
        String url = server.endpoint().url().replaceFirst("://[^@]*@", "://" + role + ":strict-pw@");

        CommandRun lenient = CommandRun.of("collect", url, "--include", prefix + "*", "-o", directory.resolve("a.json").toString());
        CommandRun strict = CommandRun.of("collect", url, "--include", prefix + "*", "--strict", "-o", directory.resolve("b.json").toString());

        assertThat(lenient.exitCode()).as(lenient.all()).isZero();
        assertThat(lenient.err()).contains("collected 1, failed 1");
        assertThat(strict.exitCode()).as(strict.all()).isEqualTo(1);
        ContractSchemas.assertValidFile(directory.resolve("a.json"));
        ContractSchemas.assertValidFile(directory.resolve("b.json"));
        assertThat(lenient.all()).doesNotContain("strict-pw");
    }

    @Test
    void anUnreachableHostFailsQuicklyWithAdvice() {
        long started = System.nanoTime();
        CommandRun run = CommandRun.of("collect", "postgresql://alice:hunter2@127.0.0.1:1/x", "-o", directory.resolve("a.json").toString());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("check that the server runs").doesNotContain("hunter2").doesNotContain("\tat ");
        CommandRun test = CommandRun.of("test", "postgresql://alice:hunter2@127.0.0.1:1");
        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.all()).doesNotContain("hunter2");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageThatDoesNotCarryIt(@Postgres TestServer server) {
        String role = server.createRole("the-right-one");
        String url = server.endpoint().url().replaceFirst("://[^@]*@", "://" + role + ":Wr0ng-Pa55@") + "/postgres";
        CommandRun run = CommandRun.of("test", url);
        Assumptions.assumeTrue(run.exitCode() != 0, "this server trusts local connections: it accepts any password");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.all()).doesNotContain("Wr0ng-Pa55").contains("check the user name and password");
    }

    @Test
    void noOutputFileOrPrintedLineCarriesThePasswordEvenVerboseOrFailing(@Postgres TestServer server) throws Exception {
        String password = SecretScan.uniquePassword();
        String role = server.createRole(password);
        String prefix = TestServer.uniqueName("cli_secret_") + "_";
        List<String> names = databases(server, prefix, 2);
        String encoded = java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        String url = server.endpoint().url().replaceFirst("://[^@]*@", "://" + role + ":" + encoded + "@");
        Path out = Files.createDirectories(directory.resolve("secret"));

        List<CommandRun> runs = List.of(
                CommandRun.of("collect", url + "/" + names.get(0), "-v", "--sample", "2", "-o", out.resolve("one.json").toString()),
                CommandRun.of("collect", url, "--include", prefix + "*", "-v", "--output-dir", out.resolve("dir").toString()),
                CommandRun.of("collect", url, "--include", prefix + "*", "-vv", "-o", out.resolve("bundle.json").toString()),
                CommandRun.of("collect", url.replaceFirst("@[^/]*", "@127.0.0.1:1") + "/x", "-v", "--connect-timeout", "2", "-o",
                        out.resolve("unreachable.json").toString()),
                CommandRun.of("collect", url + "/nonexistent_" + prefix, "-v", "-o", out.resolve("missing.json").toString()),
                CommandRun.of("list", url, "--include", prefix + "*", "--json"),
                CommandRun.of("test", url, "-v"));

        assertThat(runs.get(0).exitCode()).as(runs.get(0).all()).isZero();
        assertThat(runs.get(3).exitCode()).as(runs.get(3).all()).isNotZero();
        for (CommandRun run : runs) {
            SecretScan.assertAbsent(password, "output of a run", run.all());
        }
        SecretScan.assertAbsentFromFiles(password, out);
        ContractSchemas.assertValidFile(out.resolve("bundle.json"));
    }

    @Test
    void listAndTestDescribeTheServer(@Postgres TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("cli_") + "_";
        List<String> names = databases(server, prefix, 2);

        CommandRun test = CommandRun.of("test", server.endpoint().url());
        assertThat(test.exitCode()).as(test.all()).isZero();
        assertThat(test.out()).contains("server:").contains("round trip:").contains("databases:");

        CommandRun list = CommandRun.of("list", server.endpoint().url(), "--include", prefix + "*", "--json");
        assertThat(list.exitCode()).as(list.all()).isZero();
        JsonNode json = ContractMapper.mapper().readTree(list.out());
        assertThat(json.findValuesAsText("name")).contains(names.get(0), names.get(1), "template0");
        for (JsonNode database : json) {
            String expected = database.get("name").asText().startsWith(prefix) ? "collect" : "filtered";
            assertThat(database.get("selected").asText()).as(database.toString()).isEqualTo(expected);
        }
        CommandRun table = CommandRun.of("list", server.endpoint().url(), "--include", prefix + "*");
        assertThat(table.out()).contains("DATABASE").contains(names.get(0)).contains("collect");
    }

    @Test
    void theDemoRunsEndToEnd() throws Exception {
        Path out = directory.resolve("demo");

        CommandRun run = CommandRun.of("demo", "--output-dir", out.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        ContractSchemas.assertValidFile(out.resolve("manifest.json"));
        JsonNode manifest = read(out.resolve("manifest.json"));
        assertThat(manifest.at("/databases")).hasSize(4);
        try (Stream<Path> files = Files.list(out)) {
            files.filter(Files::isRegularFile).forEach(ContractSchemas::assertValidFile);
        }
        assertThat(out.resolve("report/index.html")).isRegularFile();
        for (String name : List.of("demo_shop", "demo_hr", "demo_analytics", "demo_secret")) {
            assertThat(out.resolve("report/databases/" + name + ".html")).isRegularFile();
        }
        assertThat(run.err()).contains("wrote the report: open file:");
        JsonNode secret = read(out.resolve(DatabaseFileNames.fileName("demo_secret")));
        assertThat(secret.at("/database_info/collection_status/Skipped/reason").asText()).contains("may not connect");
        JsonNode analytics = read(out.resolve(DatabaseFileNames.fileName("demo_analytics")));
        assertThat(analytics.at("/collection_metadata/object_failures/0/error_category").asText()).isEqualTo("Timeout");
        assertThat(analytics.at("/collection_metadata/object_failures/0/retry_attempts").asInt()).isEqualTo(3);
        JsonNode shop = read(out.resolve(DatabaseFileNames.fileName("demo_shop")));
        assertThat(shop.at("/tables")).hasSize(2);
        assertThat(shop.at("/samples")).hasSize(2);
        assertThat(shop.at("/samples/0/rows/0/email").asText()).isEqualTo("[REDACTED]");
        assertThat(read(out.resolve(DatabaseFileNames.fileName("demo_hr"))).at("/samples/0/sample_status/Skipped/reason").asText())
                .contains("permission denied");
        assertThat(run.err()).contains("collected 3, failed 0, skipped 1");
    }
}
