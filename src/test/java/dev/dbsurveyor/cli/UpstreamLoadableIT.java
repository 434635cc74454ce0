package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.DatabaseFileNames;
import dev.dbsurveyor.output.UpstreamLoader;
import dev.dbsurveyor.output.UpstreamRefusal;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import dev.dbsurveyor.testing.UpstreamLoaderRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL server holding every case that made upstream dbsurveyor's loader refuse our
 * documents is collected through the command line: what v1.0 can say truly loads upstream, what
 * only catalog text makes unloadable is warned about, and {@code validate --upstream} agrees with
 * the oracle of upstream's rules on every file.
 */
class UpstreamLoadableIT {

    private static final String HUGE = "1" + "0".repeat(399);

    @TempDir
    Path directory;

    @Test
    void everyCaseIsWrittenSoThatUpstreamLoadsItOrTheDocumentSaysWhyNot(@Postgres TestServer server) throws IOException {
        String prefix = TestServer.uniqueName("upstream_") + "_";
        String loadable = server.createDatabase(prefix + "loadable");
        server.execute(loadable,
                "CREATE TABLE bookings (id int PRIMARY KEY, during tsrange, EXCLUDE USING gist (during WITH &&))",
                "CREATE TABLE accounts (id int PRIMARY KEY, login text, password text, homepage text, settings jsonb)",
                "INSERT INTO accounts VALUES (1, 'ada', 'hunter2', 'https://cdn.example.com/a.png?token=abc123', '{\"big\": " + HUGE
                        + ", \"ok\": 1}')",
                "CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
                "CREATE TRIGGER wipe AFTER TRUNCATE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION audit()",
                "CREATE TRIGGER changes AFTER INSERT OR TRUNCATE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION audit()");
        String catalog = server.createDatabase(prefix + "catalog");
        server.execute(catalog,
                "CREATE TABLE settings (setting_key text PRIMARY KEY, value text)",
                "COMMENT ON TABLE settings IS 'rows are found by key=name'",
                "CREATE FUNCTION setting(k text) RETURNS text LANGUAGE sql AS $$ SELECT value FROM settings WHERE setting_key=k $$");
        Path out = directory.resolve("out");

        CommandRun collect = CommandRun.of("collect", server.endpoint().url(), "--include", prefix + "*", "--output-dir", out.toString(),
                "--sample", "5", "--no-progress");

        assertThat(collect.exitCode()).as(collect.all()).isZero();
        Path loadableFile = out.resolve(DatabaseFileNames.fileName(loadable));
        Path catalogFile = out.resolve(DatabaseFileNames.fileName(catalog));
        try (Stream<Path> files = Files.list(out)) {
            files.forEach(ContractSchemas::assertValidFile);
        }

        String loadableJson = Files.readString(loadableFile);
        assertThat(UpstreamLoaderRules.refusedPointers(loadableJson)).as("the oracle of upstream's rules").isEmpty();
        assertThat(UpstreamLoader.refusals(loadableJson)).isEmpty();
        JsonNode document = ContractMapper.mapper().readTree(loadableJson);
        assertThat(document.at("/tables").findValuesAsText("constraint_type")).contains("Check").doesNotContain("Exclusion");
        assertThat(document.at("/tables").findValues("constraint_kind")).filteredOn(kind -> !kind.isNull()).extracting(JsonNode::asText)
                .containsExactly("Exclusion");
        assertThat(document.at("/truncate_triggers/0/name").asText()).isEqualTo("wipe");
        assertThat(document.at("/triggers").findValuesAsText("name")).containsExactly("changes");
        assertThat(document.at("/triggers/0/event").asText()).isEqualTo("Insert");
        JsonNode accounts = sampleOf(document, "accounts");
        assertThat(accounts.at("/rows/0/password").asText()).isEqualTo("[REDACTED]");
        assertThat(accounts.at("/rows/0/homepage").asText()).isEqualTo("[REDACTED]");
        assertThat(accounts.at("/rows/0/settings/big").textValue()).isEqualTo(HUGE);
        assertThat(accounts.at("/rows/0/settings/ok").isNumber()).isTrue();
        assertThat(accounts.at("/numbers_as_text/0").asText()).isEqualTo("/rows/0/settings/big");
        assertThat(document.at("/collection_metadata/warnings").toString()).doesNotContain("upstream");

        String catalogJson = Files.readString(catalogFile);
        List<String> refused = UpstreamLoader.refusals(catalogJson).stream().map(UpstreamRefusal::pointer).toList();
        assertThat(refused).as("catalog text is kept as it is").containsExactlyInAnyOrder("/tables/0/comment", "/functions/0/definition");
        assertThat(UpstreamLoaderRules.refusedPointers(catalogJson)).containsAll(refused);
        JsonNode catalogDocument = ContractMapper.mapper().readTree(catalogJson);
        assertThat(catalogDocument.at("/tables/0/comment").asText()).isEqualTo("rows are found by key=name");
        assertThat(catalogDocument.at("/collection_metadata/warnings").toString()).contains("upstream dbsurveyor's loader would refuse");
        assertThat(collect.err().lines().filter(line -> line.contains("upstream dbsurveyor's loader would refuse")))
                .singleElement().asString().startsWith("warning: " + catalog + ": ");

        CommandRun validate = CommandRun.of("validate", "--upstream", out.toString());
        assertThat(validate.exitCode()).as(validate.all()).isEqualTo(1);
        assertThat(validate.out()).contains(loadableFile.toString()).contains("/functions/0/definition").contains("/tables/0/comment");
        assertThat(validate.out().lines().filter(line -> line.startsWith(loadableFile + ": upstream would refuse"))).isEmpty();
    }

    private static JsonNode sampleOf(JsonNode document, String table) {
        for (JsonNode sample : document.get("samples")) {
            if (sample.get("table_name").asText().equals(table)) {
                return sample;
            }
        }
        throw new AssertionError("no sample of " + table);
    }
}
