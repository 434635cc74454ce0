package dev.dbsurveyor.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.report.ErDiagrams;
import dev.dbsurveyor.report.ReportCollections;
import dev.dbsurveyor.report.ReportDocuments;
import dev.dbsurveyor.report.ReportFormat;
import dev.dbsurveyor.report.Reports;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

/** The HTML site as files: links that resolve, scripts that ship with it, names as text, the facts of each page. */
class HtmlSiteTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final String ODD = "100% \"odd\"/name";
    private static final String MARIADB = "dsm_every_mariadb";
    private static final String HOSTILE = "db " + ReportDocuments.HOSTILE;

    @TempDir
    Path directory;

    private Path site(List<ObjectNode> documents) throws IOException {
        Path collection = ReportCollections.directory(directory.resolve("sweep"), documents);
        Path site = directory.resolve("site");
        Reports.write(collection, site, ReportFormat.HTML, false, CLOCK);
        return site;
    }

    private Path everyKind() throws IOException {
        return site(List.of(ReportDocuments.postgres(), ReportCollections.named(ReportDocuments.mariadb(), MARIADB),
                ReportDocuments.hostile(ReportDocuments.postgres()),
                ReportCollections.named(ReportDocuments.tables(3), ODD)));
    }

    private static Path page(Path site, String database) {
        return SiteLinks.pages(site).stream()
                .filter(page -> SiteLinks.parse(page).select("h1 .name").text().equals(database)).findFirst().orElseThrow();
    }

    private static JsonNode data(Path file, String global) throws IOException {
        String script = Files.readString(file);
        assertThat(script).startsWith("window." + global + " = ").endsWith(";\n");
        return ContractMapper.mapper().readTree(script.substring(("window." + global + " = ").length(), script.length() - 2));
    }

    @Test
    void everyLinkResolvesInsideTheSiteAndEveryScriptAndStyleShipsWithIt() throws IOException {
        Path site = everyKind();

        assertThat(SiteLinks.broken(site)).isEmpty();
        for (Path page : SiteLinks.pages(site)) {
            Document document = SiteLinks.parse(page);
            for (Element script : document.select("script")) {
                assertThat(script.attr("src")).as(page + ": a script of the site, no inline code").matches("(\\.\\./)?(assets|data)/.+\\.js");
                assertThat(script.data()).isEmpty();
            }
            assertThat(document.select("link[rel=stylesheet]")).allSatisfy(link -> assertThat(link.attr("href")).contains("assets/"));
        }
        assertThat(site.resolve("assets/mermaid/mermaid.min.js")).isNotEmptyFile();
        assertThat(site.resolve("assets/highlightjs/highlight.min.js")).isNotEmptyFile();
        assertThat(Files.readString(site.resolve("assets/LICENSES.txt"))).contains("Mermaid").contains("highlight.js");
    }

    @Test
    void theServerDataListsEveryDatabaseWithItsStatusCountsAndPage() throws IOException {
        Path site = everyKind();

        JsonNode rows = data(site.resolve("data/databases.js"), "dbsurveyorDatabases");
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.get(0).asText()));
        assertThat(names).containsExactlyInAnyOrder("dsm_every", MARIADB, HOSTILE, ODD, ReportCollections.FAILED, ReportCollections.SKIPPED);
        for (JsonNode row : rows) {
            String href = row.get(1).asText();
            assertThat(site.resolve(java.net.URI.create(href).getPath())).as(href).isRegularFile();
            if (row.get(0).asText().equals("dsm_every")) {
                assertThat(row.get(2).asText()).isEqualTo("Success");
                assertThat(row.get(5).asInt()).as("tables").isEqualTo(9);
                assertThat(row.get(6).asInt()).as("views").isEqualTo(2);
            }
            if (row.get(0).asText().equals(ReportCollections.FAILED)) {
                assertThat(row.get(2).asText()).isEqualTo("Failed");
                assertThat(row.get(3).asText()).contains("connection refused");
            }
            if (row.get(0).asText().equals(ReportCollections.SKIPPED)) {
                assertThat(row.get(2).asText()).isEqualTo("Skipped");
            }
        }
        Document index = SiteLinks.parse(site.resolve("index.html"));
        assertThat(index.select("#database-table")).hasSize(1);
        assertThat(index.select("#filter-status option")).extracting(Element::val).contains("Success", "Failed", "Skipped");
        assertThat(index.text()).contains("Tables in all").contains("PostgreSQL 17.2");
    }

    @Test
    void hostileNamesAreTextOnEveryPageAndInEveryDataScript() throws IOException {
        Path site = everyKind();

        Document hostile = SiteLinks.parse(page(site, HOSTILE));
        assertThat(hostile.text()).contains("table " + ReportDocuments.HOSTILE).contains("column " + ReportDocuments.HOSTILE)
                .contains("comment " + ReportDocuments.HOSTILE);
        for (Path page : SiteLinks.pages(site)) {
            Document document = SiteLinks.parse(page);
            assertThat(document.select("img")).as(page.toString()).isEmpty();
            for (Element element : document.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    assertThat(attribute.getKey()).as(page + ": " + element.tagName()).doesNotStartWith("on");
                    assertThat(attribute.getValue()).as(page + ": " + element.tagName()).doesNotStartWithIgnoringCase("javascript:");
                }
            }
        }
        try (var data = Files.list(site.resolve("data"))) {
            for (Path script : data.toList()) {
                assertThat(Files.readString(script)).as(script.toString()).doesNotContain("<").doesNotContain(">");
            }
        }
        assertThat(Files.readString(site.resolve("data/databases.js"))).contains("db \\u003Cscript\\u003Ealert(1)");
    }

    @Test
    void aDatabasePageShowsATablesColumnsWithTypesNullsDefaultsAndKeys() throws IOException {
        Path site = everyKind();
        JsonNode customers = ReportDocuments.postgres().at("/tables/0");

        Document page = SiteLinks.parse(page(site, "dsm_every"));
        Element section = page.select("section.table").stream()
                .filter(table -> table.select("h3 .name").text().equals("shop.customers")).findFirst().orElseThrow();
        List<String> expected = new ArrayList<>();
        customers.get("columns").forEach(column -> expected.add(column.get("name").asText()));
        assertThat(section.select("td.column-name").eachText()).containsExactlyElementsOf(expected);
        List<String> id = section.select("table.columns tbody tr").get(0).select("td").eachText();
        assertThat(id).containsExactly("1", "id", "Integer(64)", "bigint", "no", "GENERATED ALWAYS AS IDENTITY", "PK auto");
        assertThat(page.select("section.table h3 .name").eachText()).hasSize(9).contains("Odd \"Schema\" ü.MixedCase Table; DROP TABLE x --");
        assertThat(page.select("#views pre code")).hasSize(2);
    }

    @Test
    void redactedSampleValuesAreShownAsRedacted() throws IOException {
        Path site = everyKind();

        Document page = SiteLinks.parse(page(site, MARIADB));
        assertThat(page.select("table.sample-rows td.redacted")).isNotEmpty()
                .allSatisfy(cell -> assertThat(cell.text()).isEqualTo("[REDACTED]"));
    }

    @Test
    void aSmallDatabaseHasOneDiagramOfEveryTableAsErDiagramsDrawsIt() throws IOException {
        Path site = everyKind();
        DatabaseSchema schema = ContractMapper.mapper().treeToValue(ReportDocuments.postgres(), DatabaseSchema.class);

        Document page = SiteLinks.parse(page(site, "dsm_every"));
        assertThat(page.select("pre.mermaid")).hasSize(1);
        assertThat(page.select("pre.mermaid").get(0).wholeText()).isEqualTo(ErDiagrams.of(schema).get(0).source());
        assertThat(page.select("details.er-lazy")).isEmpty();
    }

    @Test
    void theSearchIndexHoldsEveryDatabaseTableAndColumnName() throws IOException {
        Path site = everyKind();

        String index = Files.readString(site.resolve("data/search-0.js"));
        assertThat(index).contains("dsm_every").contains("shop.customers").contains("\"email\"").contains("name_upper");
        assertThat(Files.readString(site.resolve("data/search.js"))).isNotBlank();
    }

    @Test
    void aChangeDocumentGetsAnOverviewOfEveryDatabaseThatDiffersAndAPageOfEachWithOldAndNewValues() throws IOException {
        Path old = ReportCollections.directory(directory.resolve("old"), List.of(ReportDocuments.postgres(),
                ReportCollections.named(ReportDocuments.tables(2), "gone")));
        ObjectNode changed = ReportDocuments.postgres();
        ((ObjectNode) changed.at("/tables/0/columns/1")).put("native_type", "character varying(400)").put("comment", "<b>new</b>");
        Path next = ReportCollections.directory(directory.resolve("new"), List.of(changed,
                ReportCollections.named(ReportDocuments.tables(2), "came")));
        Path changes = ReportCollections.changes(old, next, directory.resolve("changes.json"));
        Path site = directory.resolve("site");

        Reports.Written written = Reports.write(changes, site, ReportFormat.HTML, false, CLOCK);

        assertThat(written.changes()).isTrue();
        assertThat(SiteLinks.broken(site)).isEmpty();
        Document index = SiteLinks.parse(site.resolve("index.html"));
        assertThat(index.select("#change-table tbody tr.change-added td a").eachText()).containsExactly("came");
        assertThat(index.select("#change-table tbody tr.change-removed td a").eachText()).containsExactly("gone");
        assertThat(index.select("#change-table tbody tr.change-changed td a").eachText()).containsExactly("dsm_every");
        Document page = SiteLinks.parse(site.resolve(index.select("tr.change-changed a").attr("href")));
        Element row = page.select("tr.change-changed").stream()
                .filter(candidate -> candidate.select("td.field").text().equals("comment")).findFirst().orElseThrow();
        assertThat(row.select("td.object-name").text()).contains("customers").contains("email");
        assertThat(row.select("td.new ins").text()).isEqualTo("<b>new</b>");
        assertThat(row.select("td.new b")).isEmpty();
    }
}
