package dev.dbsurveyor.report.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.report.ErDiagrams;
import dev.dbsurveyor.report.ReportCollections;
import dev.dbsurveyor.report.ReportDocuments;
import dev.dbsurveyor.report.ReportFormat;
import dev.dbsurveyor.report.Reports;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown report read back with a CommonMark parser: tables as tables, names as text, diagrams, links that resolve. */
class MarkdownSiteTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final String HOSTILE = "db " + ReportDocuments.HOSTILE;
    private static final String ODD = "100% \"odd\"/name";

    @TempDir
    Path directory;

    private Path report() throws IOException {
        Path collection = ReportCollections.directory(directory.resolve("sweep"), List.of(ReportDocuments.postgres(),
                ReportCollections.named(ReportDocuments.mariadb(), "dsm_every_mariadb"), ReportDocuments.hostile(ReportDocuments.postgres()),
                ReportCollections.named(ReportDocuments.tables(30, 45), ODD)));
        Path report = directory.resolve("report");
        Reports.Written written = Reports.write(collection, report, ReportFormat.MARKDOWN, false, CLOCK);
        assertThat(written.entry()).isEqualTo(report.resolve("README.md"));
        return report;
    }

    private static Path page(Path report, String database) {
        return MarkdownPages.pages(report).stream().filter(page -> {
            List<Heading> headings = MarkdownPages.all(MarkdownPages.parse(page), Heading.class);
            return !headings.isEmpty() && text(headings.get(0)).equals(database);
        }).findFirst().orElseThrow();
    }

    private static String text(Node node) {
        return Jsoup.parse(MarkdownPages.render(node)).text();
    }

    private static List<List<String>> rows(TableBlock table) {
        List<List<String>> rows = new ArrayList<>();
        for (TableRow row : MarkdownPages.all(table, TableRow.class)) {
            rows.add(MarkdownPages.all(row, TableCell.class).stream().map(MarkdownSiteTest::text).toList());
        }
        return rows;
    }

    @Test
    void theIndexIsATableOfEveryDatabaseLinkedToItsPageAndEveryLinkResolves() throws IOException {
        Path report = report();

        assertThat(MarkdownPages.broken(report)).isEmpty();
        List<TableBlock> tables = MarkdownPages.all(MarkdownPages.parse(report.resolve("README.md")), TableBlock.class);
        assertThat(tables).hasSize(1);
        List<List<String>> rows = rows(tables.get(0));
        assertThat(rows.get(0)).containsExactly("Database", "Status", "Size", "Tables", "Views", "Indexes", "Constraints", "Routines",
                "Triggers", "Types", "Failures", "Collected at", "Took");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0)).containsExactlyInAnyOrder("dsm_every", "dsm_every_mariadb",
                HOSTILE, ODD, ReportCollections.FAILED, ReportCollections.SKIPPED);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(13));
        assertThat(rows).filteredOn(row -> row.get(0).equals("dsm_every")).singleElement()
                .satisfies(row -> assertThat(row.subList(1, 5)).containsExactly("Success", "7.7 MiB", "9", "2"));
        assertThat(rows).filteredOn(row -> row.get(0).equals(ReportCollections.FAILED)).singleElement()
                .satisfies(row -> assertThat(row.get(1)).startsWith("Failed: connection refused"));
        assertThat(MarkdownPages.html(report.resolve("README.md"))).contains("PostgreSQL 17.2");
    }

    @Test
    void aTablesColumnsAreAMarkdownTableWithTypesNullsDefaultsAndKeys() throws IOException {
        Path report = report();
        JsonNode customers = ReportDocuments.postgres().at("/tables/0");

        Node page = MarkdownPages.parse(page(report, "dsm_every"));
        List<TableBlock> tables = MarkdownPages.all(page, TableBlock.class);
        List<List<String>> columns = tables.stream().map(MarkdownSiteTest::rows)
                .filter(rows -> rows.get(0).get(1).equals("Column") && rows.size() == customers.get("columns").size() + 1)
                .findFirst().orElseThrow();
        List<String> expected = new ArrayList<>();
        customers.get("columns").forEach(column -> expected.add(column.get("name").asText()));
        assertThat(columns.subList(1, columns.size())).extracting(row -> row.get(1)).containsExactlyElementsOf(expected);
        assertThat(columns.get(1)).containsExactly("1", "id", "Integer(64)", "bigint", "no", "GENERATED ALWAYS AS IDENTITY", "PK auto", "");
        List<String> headings = MarkdownPages.all(page, Heading.class).stream().filter(heading -> heading.getLevel() == 3)
                .map(MarkdownSiteTest::text).toList();
        assertThat(headings).contains("shop.customers (table)", "Odd \"Schema\" ü.MixedCase Table; DROP TABLE x -- (table)");
        List<FencedCodeBlock> views = MarkdownPages.all(page, FencedCodeBlock.class).stream()
                .filter(block -> block.getInfo().equals("sql")).toList();
        assertThat(views).isNotEmpty();
    }

    @Test
    void hostileNamesAreLiteralTextAndMakeNoMarkupOrHtml() throws IOException {
        Path report = report();

        for (Path page : MarkdownPages.pages(report)) {
            assertThat(MarkdownPages.foreignHtml(page)).as(page.toString()).isEmpty();
            Document html = Jsoup.parse(MarkdownPages.html(page));
            assertThat(html.select("script, img")).as(page.toString()).isEmpty();
            assertThat(html.select("em, strong").eachText()).as("the report's own emphasis only")
                    .allMatch(text -> List.of("Success", "Failed", "Skipped", "[REDACTED]", "null").contains(text));
            assertThat(html.select("a[href]")).allSatisfy(link -> assertThat(link.attr("href")).matches("(\\.\\./)?(README\\.md|databases/[^:]+\\.md)|#[a-z]+(-\\d+)?"));
        }
        Document hostile = Jsoup.parse(MarkdownPages.html(page(report, HOSTILE)));
        assertThat(hostile.select("h1").text()).isEqualTo(HOSTILE);
        assertThat(hostile.text()).contains("table " + ReportDocuments.HOSTILE).contains("column " + ReportDocuments.HOSTILE)
                .contains("comment " + ReportDocuments.HOSTILE);
    }

    @Test
    void diagramsAreMermaidBlocksOfEveryTableOfASmallDatabaseAndSplitForALargeOne() throws IOException {
        Path report = report();

        List<FencedCodeBlock> small = MarkdownPages.all(MarkdownPages.parse(page(report, "dsm_every")), FencedCodeBlock.class).stream()
                .filter(block -> block.getInfo().equals("mermaid")).toList();
        assertThat(small).hasSize(1);
        assertThat(small.get(0).getLiteral()).startsWith("erDiagram\n");
        assertThat(small.get(0).getLiteral().lines().filter(line -> line.matches("  t\\d+\\[\".*\"] \\{"))).hasSize(9);
        List<FencedCodeBlock> large = MarkdownPages.all(MarkdownPages.parse(page(report, ODD)), FencedCodeBlock.class).stream()
                .filter(block -> block.getInfo().equals("mermaid")).toList();
        assertThat(large).as("one of schema s0, one neighbourhood per table of s1").hasSize(1 + 45);
        assertThat(large).allSatisfy(block -> assertThat(block.getLiteral().lines()
                .filter(line -> line.matches("  t\\d+\\[\".*\"] \\{")).count()).isLessThanOrEqualTo(ErDiagrams.MAX_TABLES));
    }

    @Test
    void redactedSampleValuesAreShownAsRedacted() throws IOException {
        Path report = report();

        String page = MarkdownPages.html(page(report, "dsm_every_mariadb"));
        assertThat(page).contains("<em>[REDACTED]</em>");
    }

    @Test
    void aChangeDocumentGetsAnIndexOfTheDatabasesThatDifferAndAPageOfEachWithOldAndNewValues() throws IOException {
        Path old = ReportCollections.directory(directory.resolve("old"), List.of(ReportDocuments.postgres(),
                ReportCollections.named(ReportDocuments.tables(2), "gone")));
        ObjectNode changed = ReportDocuments.postgres();
        ((ObjectNode) changed.at("/tables/0/columns/1")).put("comment", "<b>new</b> | `x`");
        Path next = ReportCollections.directory(directory.resolve("new"), List.of(changed,
                ReportCollections.named(ReportDocuments.tables(2), "came")));
        Path changes = ReportCollections.changes(old, next, directory.resolve("changes.json"));
        Path report = directory.resolve("report");

        Reports.write(changes, report, ReportFormat.MARKDOWN, false, CLOCK);

        assertThat(MarkdownPages.broken(report)).isEmpty();
        List<List<String>> databases = rows(MarkdownPages.all(MarkdownPages.parse(report.resolve("README.md")), TableBlock.class).get(0));
        assertThat(databases.subList(1, databases.size())).extracting(row -> row.get(0) + " " + row.get(1))
                .containsExactlyInAnyOrder("came added", "gone removed", "dsm_every changed");
        Path page = page(report, "dsm_every");
        assertThat(MarkdownPages.foreignHtml(page)).isEmpty();
        List<List<String>> rows = rows(MarkdownPages.all(MarkdownPages.parse(page), TableBlock.class).get(0));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly("~", "column", "shop.customers.email", "comment",
                "Where receipts go", "<b>new</b> | `x`"));
        assertThat(Files.readString(report.resolve("README.md"))).doesNotContain("<b>");
    }
}
