package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.SqliteFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real command line on directories of SQLite files: collect, list, test, validate, diff, report and resume, with their exit codes. */
class SqliteCommandIT {

    @TempDir
    Path work;
    private Path files;

    @BeforeEach
    void makeFiles() throws Exception {
        files = work.resolve("apps");
        SqliteFixture.create(files.resolve("shop.db"), SqliteFixture.EVERY_KIND);
        SqliteFixture.withTables(files.resolve("archive/2025.sqlite"), 4);
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(files.resolve("shop.db")), 4096);
        java.util.Arrays.fill(header, 100, header.length, (byte) 0x5a);
        Files.write(files.resolve("broken.db"), header);
        Files.writeString(files.resolve("readme.txt"), "no database here");
    }

    private static JsonNode json(Path file) throws Exception {
        return ContractMapper.mapper().readTree(file.toFile());
    }

    @Test
    void aDirectoryIsSweptIntoFilesThatValidateAndLeavesTheDirectoryAsItWas() throws Exception {
        Map<String, String> before = SqliteFixture.contents(files);
        Path out = work.resolve("out");
        CommandRun run = CommandRun.of("collect", "sqlite://" + files + "/", "--recursive", "--output-dir", out.toString(), "--no-progress",
                "--sample", "3");
        assertThat(run.exitCode()).as(run.all()).isZero();
        DirectorySnapshot snapshot = new DirectorySnapshot(out);
        snapshot.assertEveryFileValid();
        assertThat(snapshot.entries()).containsOnlyKeys("shop.db", "archive/2025.sqlite", "broken.db");
        assertThat(snapshot.withStatus("Success")).containsExactlyInAnyOrder("shop.db", "archive/2025.sqlite");
        assertThat(snapshot.withStatus("Failed")).containsExactly("broken.db");
        assertThat(snapshot.manifest().get("server_info").get("server_type").asText()).isEqualTo("SQLite");
        assertThat(snapshot.document("shop.db").get("samples")).isNotEmpty();
        assertThat(run.all()).contains("broken.db");
        assertThat(CommandRun.of("validate", out.toString()).exitCode()).isZero();
        assertThat(SqliteFixture.contents(files)).isEqualTo(before);

        CommandRun strict = CommandRun.of("collect", "sqlite://" + files, "--output-dir", work.resolve("strict").toString(), "--strict",
                "--no-progress");
        assertThat(strict.exitCode()).as("--strict and a file that fails").isEqualTo(1);
    }

    @Test
    void oneFileIsOneDocument() throws Exception {
        Path document = work.resolve("shop.json");
        CommandRun run = CommandRun.of("collect", "sqlite://" + files.resolve("shop.db"), "-o", document.toString(), "--immutable");
        assertThat(run.exitCode()).as(run.all()).isZero();
        ContractSchemas.assertValidFile(document);
        assertThat(json(document).get("database_info").get("name").asText()).isEqualTo("shop.db");
        assertThat(json(document).get("tables")).anySatisfy(table -> assertThat(table.get("module").asText()).isEqualTo("fts5"));
    }

    @Test
    void listAndTestDescribeTheFiles() throws Exception {
        CommandRun list = CommandRun.of("list", "sqlite://" + files, "--recursive", "--json", "--exclude", "archive/*");
        assertThat(list.exitCode()).as(list.all()).isZero();
        JsonNode listed = ContractMapper.mapper().readTree(list.out());
        assertThat(listed).hasSize(3);
        assertThat(listed.findValuesAsText("name")).containsExactly("archive/2025.sqlite", "broken.db", "shop.db");
        CommandRun test = CommandRun.of("test", "sqlite://" + files);
        assertThat(test.exitCode()).as(test.all()).isZero();
        assertThat(test.out()).contains("server:     sqlite 3.").contains("files:      2 SQLite file(s), read-only");
    }

    @Test
    void diffAndReportReadSqliteCollectionsAsAnyOther() throws Exception {
        Path old = work.resolve("old.json");
        assertThat(CommandRun.of("collect", "sqlite://" + files, "-o", old.toString(), "--no-progress").exitCode()).isZero();
        SqliteFixture.create(files.resolve("shop.db"), List.of("CREATE TABLE refunds(id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders(id))",
                "DROP INDEX users_email_lower"));
        Path later = work.resolve("new.json");
        assertThat(CommandRun.of("collect", "sqlite://" + files, "-o", later.toString(), "--no-progress").exitCode()).isZero();
        Path changes = work.resolve("changes.json");
        CommandRun diff = CommandRun.of("diff", old.toString(), later.toString(), "--json", changes.toString());
        assertThat(diff.exitCode()).as(diff.all()).isEqualTo(1);
        assertThat(diff.out()).contains("refunds").contains("users_email_lower");
        ContractSchemas.assertValidFile(changes);

        Path site = work.resolve("site");
        CommandRun report = CommandRun.of("report", later.toString(), "-o", site.toString());
        assertThat(report.exitCode()).as(report.all()).isZero();
        try (var pages = Files.walk(site)) {
            assertThat(pages.filter(page -> page.toString().endsWith(".html")).map(page -> {
                try {
                    return Files.readString(page);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).anySatisfy(page -> assertThat(page).contains("refunds").contains("virtual table using fts5").contains("table, without rowid"));
        }
        CommandRun markdown = CommandRun.of("report", later.toString(), "-o", work.resolve("md").toString(), "--format", "markdown");
        assertThat(markdown.exitCode()).as(markdown.all()).isZero();
    }

    @Test
    void resumeCollectsOnlyWhatFailedOnceItIsMended() throws Exception {
        Path out = work.resolve("out");
        assertThat(CommandRun.of("collect", "sqlite://" + files, "--output-dir", out.toString(), "--no-progress").exitCode()).isZero();
        DirectorySnapshot snapshot = new DirectorySnapshot(out);
        assertThat(snapshot.withStatus("Failed")).containsExactly("broken.db");
        String shop = snapshot.checksums().get(snapshot.entries().get("shop.db").get("file").asText());
        Files.copy(files.resolve("shop.db"), files.resolve("broken.db"), StandardCopyOption.REPLACE_EXISTING);
        CommandRun resume = CommandRun.of("collect", "sqlite://" + files, "--output-dir", out.toString(), "--resume", "--no-progress");
        assertThat(resume.exitCode()).as(resume.all()).isZero();
        assertThat(snapshot.withStatus("Success")).containsExactlyInAnyOrder("shop.db", "broken.db");
        assertThat(snapshot.checksums().get(snapshot.entries().get("shop.db").get("file").asText())).as("kept as it was").isEqualTo(shop);
        snapshot.assertEveryFileValid();
    }

    @Test
    void directoriesOfSqliteFilesAreServersOfAFleet() throws Exception {
        Path other = work.resolve("other");
        SqliteFixture.withTables(other.resolve("solo.db"), 2);
        Path inventory = Files.writeString(work.resolve("fleet.txt"), "sqlite://" + files + "/\nsqlite://" + other + "/\n");
        Path out = work.resolve("fleet");
        CommandRun run = CommandRun.of("collect", "--inventory", inventory.toString(), "--output-dir", out.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode fleet = json(out.resolve("fleet.json"));
        assertThat(fleet.get("servers").findValuesAsText("label")).containsExactlyInAnyOrder("sqlite-apps", "sqlite-other");
        assertThat(fleet.get("servers")).allSatisfy(server -> {
            assertThat(server.get("engine").asText()).isEqualTo("sqlite");
            assertThat(server.get("port").isNull()).isTrue();
        });
        CommandRun validate = CommandRun.of("validate", out.toString());
        assertThat(validate.exitCode()).as(validate.all()).isZero();
    }

    @Test
    void badInputEndsInOneLineAndADocumentedExitCode() {
        CommandRun host = CommandRun.of("collect", "sqlite://db.example.com/app.db");
        assertThat(host.exitCode()).isEqualTo(2);
        assertThat(host.err().strip()).doesNotContain("\n").contains("names a path, not a host");
        CommandRun missing = CommandRun.of("collect", "sqlite://" + work.resolve("nowhere.db"), "-o", work.resolve("x.json").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("nowhere.db").contains("check the path");
        assertThat(work.resolve("nowhere.db")).doesNotExist();
        assertThat(work.resolve("x.json")).doesNotExist();
        CommandRun recursiveFile = CommandRun.of("list", "sqlite://" + files.resolve("shop.db"), "--recursive");
        assertThat(recursiveFile.exitCode()).isEqualTo(2);
        assertThat(recursiveFile.err().strip()).doesNotContain("\n").contains("--recursive is for a directory");
        CommandRun flagElsewhere = CommandRun.of("list", "postgresql://u@127.0.0.1:1/db", "--immutable");
        assertThat(flagElsewhere.exitCode()).isEqualTo(2);
        assertThat(flagElsewhere.err().strip()).isEqualTo("dbsurveyor: --immutable is for sqlite:// URLs");
    }
}
