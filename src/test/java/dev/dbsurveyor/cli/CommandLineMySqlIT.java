package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.DatabaseFileNames;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.MySql;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real command line, in-process, against a real MySQL or MariaDB: filters, outputs that validate, exit codes. */
class CommandLineMySqlIT {

    /** The schema of one entry of {@code list --json}: the contract's EnumeratedDatabase (its selected and reason fields are extra). */
    private static final com.networknt.schema.Schema ENUMERATED_DATABASE = com.networknt.schema.SchemaRegistry
            .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12, builder -> builder
                    .schemaIdResolvers(resolvers -> resolvers.mapPrefix("https://schemas.dbsurveyor.dev/v1.0/", "classpath:schemas/")))
            .getSchema(com.networknt.schema.SchemaLocation.of(
                    "https://schemas.dbsurveyor.dev/v1.0/dbsurveyor-schema-v1.0.json#/$defs/EnumeratedDatabase"));

    @TempDir
    Path directory;

    private static JsonNode read(Path file) throws IOException {
        return ContractMapper.mapper().readTree(Files.readString(file));
    }

    private static List<String> databases(TestServer server, String prefix, String... suffixes) {
        return java.util.Arrays.stream(suffixes).map(suffix -> {
            String name = server.createDatabase(prefix + suffix);
            server.execute(name, "CREATE TABLE t (id INT PRIMARY KEY, label TEXT)", "CREATE VIEW v AS SELECT id FROM t");
            return name;
        }).toList();
    }

    @Test
    void aFilteredSweepWritesAValidBundleAndADirectory(@MySql TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("cli_") + "_";
        List<String> names = databases(server, prefix, "keep_1", "keep_2", "keep 3 `odd`", "drop_1");
        Path bundle = directory.resolve("server.json");

        CommandRun bundleRun = CommandRun.of("collect", server.endpoint().url(), "--include", prefix + "*", "--exclude", "*drop*",
                "--max-concurrency", "2", "-o", bundle.toString(), "--no-progress");

        assertThat(bundleRun.exitCode()).as(bundleRun.all()).isZero();
        assertThat(bundleRun.err()).contains("collected 3, failed 0, skipped 0");
        ContractSchemas.assertValidFile(bundle);
        JsonNode written = read(bundle);
        assertThat(written.at("/server_info/server_type").asText()).isIn("MariaDB", "MySQL");
        assertThat(written.at("/databases").findValuesAsText("database_name")).containsAll(names.subList(0, 3)).doesNotContain(names.get(3));
        assertThat(written.at("/databases/0/schema/tables/0/name").asText()).isEqualTo("t");
        assertThat(written.at("/databases/0/schema/views/0/name").asText()).isEqualTo("v");
        assertThat(written.at("/filtered").findValuesAsText("database_name")).contains(names.get(3), "mysql", "information_schema");

        Path out = directory.resolve("out");
        CommandRun directoryRun = CommandRun.of("collect", server.endpoint().url(), "--include", prefix + "keep*",
                "--output-dir", out.toString(), "--no-progress");

        assertThat(directoryRun.exitCode()).as(directoryRun.all()).isZero();
        ContractSchemas.assertValidFile(out.resolve("manifest.json"));
        for (String name : names.subList(0, 3)) {
            ContractSchemas.assertValidFile(out.resolve(DatabaseFileNames.fileName(name)));
        }
        CommandRun validate = CommandRun.of("validate", out.toString());
        assertThat(validate.exitCode()).as(validate.all()).isZero();
        assertThat(validate.out().lines()).hasSize(4).allMatch(line -> line.endsWith(": valid"));
    }

    @Test
    void oneDatabaseByUrlAndAMissingOne(@MySql TestServer server) throws Exception {
        String database = server.createDatabase();
        server.execute(database, "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))");
        Path output = directory.resolve("one.json");

        CommandRun one = CommandRun.of("collect", server.endpoint().url() + "/" + database, "-o", output.toString(), "--no-progress");

        assertThat(one.exitCode()).as(one.all()).isZero();
        ContractSchemas.assertValidFile(output);
        assertThat(read(output).at("/tables/0/name").asText()).isEqualTo("items");

        CommandRun missing = CommandRun.of("collect", server.endpoint().url() + "/dbsurveyor_no_such_database", "-o",
                directory.resolve("missing.json").toString());
        assertThat(missing.exitCode()).as(missing.all()).isEqualTo(1);
        assertThat(missing.err()).startsWith("dbsurveyor: ").contains("dbsurveyor_no_such_database").doesNotContain("\tat ");
        assertThat(directory.resolve("missing.json")).doesNotExist();
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageThatDoesNotCarryIt(@MySql TestServer server) {
        String role = server.createRole("the-right-one");
        String url = server.endpoint().url().replaceFirst("://[^@]*@", "://" + role + ":Wr0ng-Pa55@");

        CommandRun run = CommandRun.of("test", url);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.all()).doesNotContain("Wr0ng-Pa55").contains("check the user name and password").doesNotContain("\tat ");
        CommandRun right = CommandRun.of("test", url.replace("Wr0ng-Pa55", "the-right-one"));
        assertThat(right.exitCode()).as(right.all()).isZero();
    }

    @Test
    void listAndTestDescribeTheServer(@MySql TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("cli_") + "_";
        List<String> names = databases(server, prefix, "a", "b");

        CommandRun test = CommandRun.of("test", server.endpoint().url());
        assertThat(test.exitCode()).as(test.all()).isZero();
        assertThat(test.out()).contains("server:").contains("round trip:").contains("databases:");

        CommandRun list = CommandRun.of("list", server.endpoint().url(), "--include", prefix + "*", "--json");
        assertThat(list.exitCode()).as(list.all()).isZero();
        JsonNode json = ContractMapper.mapper().readTree(list.out());
        assertThat(json.findValuesAsText("name")).contains(names.get(0), names.get(1), "mysql");
        for (JsonNode database : json) {
            String expected = database.get("name").asText().startsWith(prefix) ? "collect" : "filtered";
            assertThat(database.get("selected").asText()).as(database.toString()).isEqualTo(expected);
        }
    }

    @Test
    void listPrintsADashWhereTheEngineHasNoOwnerAndItsJsonKeepsNull(@MySql TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("cli_owner_") + "_";
        String name = databases(server, prefix, "a").get(0);

        CommandRun table = CommandRun.of("list", server.endpoint().url(), "--include", prefix + "*");
        assertThat(table.exitCode()).as(table.all()).isZero();
        assertThat(table.out().lines().filter(line -> line.startsWith(name + " ")))
                .singleElement().asString().matches(java.util.regex.Pattern.quote(name) + " +(\\S+ \\S+|-) +- +yes +collect");

        CommandRun list = CommandRun.of("list", server.endpoint().url(), "--include", prefix + "*", "--json");
        assertThat(list.exitCode()).as(list.all()).isZero();
        JsonNode json = ContractMapper.mapper().readTree(list.out());
        assertThat(json).isNotEmpty();
        for (JsonNode database : json) {
            assertThat(database.has("owner")).as(database.toString()).isTrue();
            assertThat(database.get("owner").isNull()).as(database.toString()).isTrue();
            assertThat(ENUMERATED_DATABASE.validate(database)).as(database.toString()).isEmpty();
        }
    }
}
