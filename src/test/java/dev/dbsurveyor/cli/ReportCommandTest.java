package dev.dbsurveyor.cli;

import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.report.ReportCollections;
import dev.dbsurveyor.report.ReportDocuments;
import dev.dbsurveyor.report.ReportDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dbsurveyor report} in-process: what it writes for each input, one line and exit 2 for bad input, a target whole or untouched. */
class ReportCommandTest {

    @TempDir
    Path directory;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }

    private Path document() throws IOException {
        return write("one.json", ContractMapper.mapper().writeValueAsString(ContractFixtures.fullDocument()));
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDocumentABundleAndADirectoryEachBecomeASiteWithAnIndexAndAPagePerDatabase() throws IOException {
        Path bundle = write("bundle.json", ContractMapper.mapper().writeValueAsString(ContractFixtures.bundle()));
        Path sweep = ReportCollections.directory(directory.resolve("sweep"), List.of(ReportDocuments.postgres()));

        for (Path input : List.of(document(), bundle, sweep)) {
            Path site = directory.resolve("site-" + input.getFileName());
            CommandRun run = CommandRun.of("report", input.toString(), "-o", site.toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).startsWith("wrote the report of ").endsWith(site.resolve("index.html") + System.lineSeparator());
            assertThat(site.resolve("index.html")).isNotEmptyFile();
            assertThat(site.resolve(ReportDirectory.MARKER)).exists();
            try (Stream<Path> pages = Files.list(site.resolve("databases"))) {
                assertThat(pages.count()).as(input.toString()).isPositive();
            }
        }
        assertThat(CommandRun.of("report", sweep.toString(), "-o", directory.resolve("quiet").toString(), "-q").out()).isEmpty();
        assertThat(CommandRun.of("report", sweep.toString(), "-o", directory.resolve("again").toString()).out())
                .contains("3 database(s)");
    }

    @Test
    void badInputExitsTwoWithOneLineOnStandardErrorAndWritesNothing() throws IOException {
        Path one = document();
        Path notJson = write("broken.json", "{ not json");
        Path notOurs = write("other.json", "{\"name\": \"package.json\"}");
        Path invalid = write("invalid.json", "{\"format_version\": \"1.0\", \"database_info\": {\"name\": \"\"}}");
        Path file = write("file.txt", "a file");
        Path foreign = Files.createDirectories(directory.resolve("foreign"));
        Files.writeString(foreign.resolve("keep.txt"), "not a report");
        List<String> before = siblings();
        String out = directory.resolve("out").toString();

        for (String[] args : new String[][] {
                {"report", directory.resolve("absent").toString(), "-o", out},
                {"report", notJson.toString(), "-o", out},
                {"report", notOurs.toString(), "-o", out},
                {"report", invalid.toString(), "-o", out},
                {"report", one.toString(), "-o", out, "--format", "pdf"},
                {"report", one.toString(), "-o", file.toString()},
                {"report", one.toString(), "-o", foreign.toString()},
                {"report", one.toString(), "-o", foreign.toString(), "--force"},
                {"report", one.toString()}}) {
            CommandRun run = CommandRun.of(args);

            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.all()).isEqualTo(2);
            assertThat(run.err().lines()).as(run.err()).singleElement().asString().startsWith("dbsurveyor: ").doesNotContain("Exception");
            assertThat(run.out()).isEmpty();
        }
        assertThat(siblings()).isEqualTo(before);
        assertThat(Files.readString(foreign.resolve("keep.txt"))).isEqualTo("not a report");
        assertThat(CommandRun.of("report", one.toString(), "-o", foreign.toString(), "--force").err())
                .contains("holds files that are not a dbsurveyor report");
        assertThat(CommandRun.of("report", one.toString(), "-o", out, "--format", "pdf").err()).contains("unknown format 'pdf'");
    }

    @Test
    void anEarlierReportIsReplacedOnlyWithForceAndWhole() throws IOException {
        Path one = document();
        Path site = directory.resolve("site");
        assertThat(CommandRun.of("report", one.toString(), "-o", site.toString()).exitCode()).isZero();
        Files.writeString(site.resolve("stale.html"), "from before");

        CommandRun refused = CommandRun.of("report", one.toString(), "-o", site.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("is not empty: pass --force");
        assertThat(site.resolve("stale.html")).exists();

        CommandRun forced = CommandRun.of("report", one.toString(), "-o", site.toString(), "--force", "--format", "markdown");
        assertThat(forced.exitCode()).as(forced.all()).isZero();
        assertThat(site.resolve("stale.html")).doesNotExist();
        assertThat(site.resolve("index.html")).doesNotExist();
        assertThat(site.resolve("README.md")).isNotEmptyFile();
        assertThat(siblings()).containsExactly("one.json", "site");
    }

    @Test
    void aCollectionThatFailsToReadHalfwayLeavesTheTargetAsItWasAndNoStagingBehind() throws IOException {
        Path sweep = ReportCollections.directory(directory.resolve("sweep"), List.of(ReportDocuments.postgres(),
                ReportCollections.named(ReportDocuments.postgres(), "second")));
        try (Stream<Path> files = Files.list(sweep)) {
            Path second = files.filter(file -> file.getFileName().toString().startsWith("second")).findFirst().orElseThrow();
            Files.writeString(second, "{ truncated");
        }
        Path site = directory.resolve("site");
        assertThat(CommandRun.of("report", document().toString(), "-o", site.toString()).exitCode()).isZero();
        String earlier = Files.readString(site.resolve("index.html"));
        List<String> before = siblings();

        CommandRun run = CommandRun.of("report", sweep.toString(), "-o", site.toString(), "--force");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("dbsurveyor: ").contains("second");
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo(earlier);
        assertThat(siblings()).isEqualTo(before);
    }
}
