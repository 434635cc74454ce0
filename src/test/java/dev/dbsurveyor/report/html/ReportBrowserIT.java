package dev.dbsurveyor.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.report.ReportCollections;
import dev.dbsurveyor.report.ReportDocuments;
import dev.dbsurveyor.report.ReportFormat;
import dev.dbsurveyor.report.Reports;
import dev.dbsurveyor.testing.HeadlessChromium;
import dev.dbsurveyor.testing.HeadlessChromiumExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML site in a real browser, opened from files: the server page's list, filters and pages,
 * a database page's columns and diagram, hostile names as text, the change pages, the search box.
 */
@ExtendWith(HeadlessChromiumExtension.class)
class ReportBrowserIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String MARIADB = "dsm_every_mariadb";
    private static final String SMALL = "small_three_tables";
    private static final String HOSTILE = "db " + ReportDocuments.HOSTILE;
    private static final int MANY = 120;
    private static final String WIDER = "character varying(400)";

    @TempDir
    static Path directory;

    private static Path collection;
    private static Path many;
    private static Path changes;

    @BeforeAll
    static void writeSites() throws IOException {
        collection = site("collection", ReportCollections.directory(directory.resolve("sweep"), List.of(ReportDocuments.postgres(),
                ReportCollections.named(ReportDocuments.mariadb(), MARIADB), ReportDocuments.hostile(ReportDocuments.postgres()),
                ReportCollections.named(ReportDocuments.tables(3), SMALL))));
        many = site("many", ReportCollections.directory(directory.resolve("many-sweep"), IntStream.range(0, MANY)
                .mapToObj(i -> ReportCollections.named(ReportDocuments.tables(1), String.format("db_%03d", i))).toList()));
        Path old = ReportCollections.directory(directory.resolve("old"), List.of(ReportDocuments.postgres(),
                ReportCollections.named(ReportDocuments.tables(2), "gone")));
        ObjectNode changed = ReportDocuments.postgres();
        ((ObjectNode) changed.at("/tables/0/columns/1")).put("native_type", WIDER);
        Path next = ReportCollections.directory(directory.resolve("new"), List.of(changed,
                ReportCollections.named(ReportDocuments.tables(2), "came")));
        changes = site("changes", ReportCollections.changes(old, next, directory.resolve("changes.json")));
    }

    private static Path site(String name, Path input) throws IOException {
        Path site = directory.resolve(name);
        Reports.write(input, site, ReportFormat.HTML, false, CLOCK);
        return site;
    }

    private static WebDriverWait waiting(HeadlessChromium browser) {
        return new WebDriverWait(browser.driver(), PATIENCE);
    }

    private static List<String> listedNames(HeadlessChromium browser) {
        return browser.driver().findElements(By.cssSelector("#database-table tbody tr td:first-child a")).stream()
                .map(WebElement::getText).toList();
    }

    private static List<String> expectedNames(String... collected) {
        List<String> names = new ArrayList<>(List.of(collected));
        names.add(ReportCollections.FAILED);
        names.add(ReportCollections.SKIPPED);
        return names;
    }

    private static void openDatabase(HeadlessChromium browser, String name) {
        browser.open(collection.resolve("index.html"));
        WebElement filter = browser.driver().findElement(By.id("filter-name"));
        filter.sendKeys(name);
        browser.driver().findElements(By.cssSelector("#database-table tbody tr td:first-child a")).stream()
                .filter(link -> link.getText().equals(name)).findFirst().orElseThrow().click();
        waiting(browser).until(ExpectedConditions.textToBe(By.cssSelector("h1 .name"), name));
    }

    private static List<LogEntry> severe(HeadlessChromium browser) {
        return browser.console().stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    @Test
    void theServerPageListsEveryDatabaseOfTheCollection(HeadlessChromium browser) {
        browser.open(collection.resolve("index.html"));

        assertThat(listedNames(browser)).containsExactlyInAnyOrderElementsOf(expectedNames("dsm_every", MARIADB, HOSTILE, SMALL));
        assertThat(browser.driver().findElement(By.id("database-count")).getText()).isEqualTo("6 of 6 databases");
        assertThat(severe(browser)).isEmpty();
        browser.screenshot("server");
    }

    @Test
    void theServerPageShowsAHundredDatabasesAPageAndPagesThroughTheRest(HeadlessChromium browser) {
        browser.open(many.resolve("index.html"));
        List<String> expected = expectedNames(IntStream.range(0, MANY).mapToObj(i -> String.format("db_%03d", i)).toArray(String[]::new));

        List<String> first = listedNames(browser);
        assertThat(first).hasSize(100);
        assertThat(browser.driver().findElement(By.id("database-count")).getText()).isEqualTo(expected.size() + " of " + expected.size() + " databases");
        assertThat(browser.driver().findElement(By.id("page-number")).getText()).isEqualTo("page 1 of 2");
        assertThat(browser.driver().findElement(By.id("page-previous")).isEnabled()).isFalse();
        browser.driver().findElement(By.id("page-next")).click();
        List<String> second = listedNames(browser);
        assertThat(second).hasSize(expected.size() - 100);
        assertThat(browser.driver().findElement(By.id("page-number")).getText()).isEqualTo("page 2 of 2");
        assertThat(browser.driver().findElement(By.id("page-next")).isEnabled()).isFalse();
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theServerPageFiltersByStatusAndByName(HeadlessChromium browser) {
        browser.open(collection.resolve("index.html"));
        Select status = new Select(browser.driver().findElement(By.id("filter-status")));

        status.selectByValue("Failed");
        assertThat(listedNames(browser)).containsExactly(ReportCollections.FAILED);
        status.selectByValue("Skipped");
        assertThat(listedNames(browser)).containsExactly(ReportCollections.SKIPPED);
        status.selectByValue("Success");
        assertThat(listedNames(browser)).containsExactlyInAnyOrder("dsm_every", MARIADB, HOSTILE, SMALL);
        assertThat(browser.driver().findElements(By.cssSelector("#database-table tbody tr")))
                .allSatisfy(row -> assertThat(row.getAttribute("data-status")).isEqualTo("Success"));
        status.selectByValue("");
        browser.driver().findElement(By.id("filter-name")).sendKeys("MARIA");
        assertThat(listedNames(browser)).containsExactly(MARIADB);
        assertThat(browser.driver().findElement(By.id("database-count")).getText()).isEqualTo("1 of 6 databases");
    }

    @Test
    void aDatabasePageShowsEachColumnsTypeNullAndDefault(HeadlessChromium browser) {
        JsonNode customers = ReportDocuments.postgres().at("/tables/0");

        openDatabase(browser, "dsm_every");

        WebElement section = browser.driver().findElements(By.cssSelector("section.table")).stream()
                .filter(table -> table.findElement(By.cssSelector("h3 .name")).getText().equals("shop.customers")).findFirst().orElseThrow();
        assertThat(section.findElements(By.cssSelector("table.columns thead th")).stream().map(WebElement::getText))
                .containsExactly("#", "Column", "Type", "Native type", "Null", "Default", "Keys", "Comment");
        List<WebElement> rows = section.findElements(By.cssSelector("table.columns tbody tr"));
        assertThat(rows).hasSize(customers.get("columns").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode column = customers.get("columns").get(i);
            List<String> cells = rows.get(i).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            assertThat(cells.get(1)).isEqualTo(column.get("name").asText());
            assertThat(cells.get(3)).isEqualTo(column.get("native_type").asText());
            assertThat(cells.get(4)).as(column.get("name").asText()).isEqualTo(column.get("is_nullable").asBoolean() ? "yes" : "no");
            assertThat(cells.get(5)).as(column.get("name").asText()).isEqualTo(column.get("default_value").isNull() ? "" : column.get("default_value").asText());
        }
        assertThat(severe(browser)).isEmpty();
        browser.screenshot("database");
    }

    @Test
    void theErDiagramOfASmallDatabaseIsAnSvgWithOneEntityPerTable(HeadlessChromium browser) {
        openDatabase(browser, SMALL);

        WebElement svg = waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagrams pre.mermaid svg")));
        List<WebElement> entities = svg.findElements(By.cssSelector("g.node"));
        assertThat(entities).hasSize(ReportDocuments.tables(3).get("tables").size());
        assertThat(entities.stream().map(WebElement::getText)).allSatisfy(text -> assertThat(text).containsPattern("t[0-2]"));
        assertThat(severe(browser)).isEmpty();
    }

    @Test
    void aHostileNameIsShownAsTextAndRunsNothing(HeadlessChromium browser) {
        browser.open(collection.resolve("index.html"));
        assertThat(browser.dialogs()).isEmpty();

        openDatabase(browser, HOSTILE);

        assertThat(browser.driver().findElement(By.cssSelector("h1 .name")).getText()).isEqualTo(HOSTILE);
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("table " + ReportDocuments.HOSTILE)
                .contains("column " + ReportDocuments.HOSTILE);
        assertThat(browser.driver().findElements(By.cssSelector("main img"))).isEmpty();
        WebElement search = browser.driver().findElement(By.id("search"));
        search.sendKeys("<script>");
        WebElement results = waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("search-results")));
        assertThat(results.getText()).contains("table " + ReportDocuments.HOSTILE);
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagrams pre.mermaid svg")));
        assertThat(browser.dialogs()).isEmpty();
        assertThat(severe(browser)).isEmpty();
    }

    @Test
    void theChangeOverviewFiltersByChangeAndAPageMarksTheChangedColumn(HeadlessChromium browser) {
        browser.open(changes.resolve("index.html"));
        Select change = new Select(browser.driver().findElement(By.id("filter-change")));

        assertThat(visibleChanges(browser)).containsExactlyInAnyOrder("came", "gone", "dsm_every");
        change.selectByValue("added");
        assertThat(visibleChanges(browser)).containsExactly("came");
        change.selectByValue("removed");
        assertThat(visibleChanges(browser)).containsExactly("gone");
        change.selectByValue("changed");
        assertThat(visibleChanges(browser)).containsExactly("dsm_every");
        browser.screenshot("diff");
        browser.driver().findElement(By.linkText("dsm_every")).click();

        WebElement row = waiting(browser).until(driver -> driver.findElements(By.cssSelector("tr.change-changed")).stream()
                .filter(candidate -> candidate.findElement(By.cssSelector("td.field")).getText().equals("native_type")).findFirst().orElse(null));
        assertThat(row.findElement(By.cssSelector("td.object-name")).getText()).contains("customers").contains("email");
        assertThat(row.findElement(By.cssSelector("td.old del")).getText()).isEqualTo(ReportDocuments.postgres().at("/tables/0/columns/1/native_type").asText());
        assertThat(row.findElement(By.cssSelector("td.new ins")).getText()).isEqualTo(WIDER);
        assertThat(row.findElement(By.tagName("td")).getCssValue("background-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat(severe(browser)).isEmpty();
        browser.screenshot("changes");
    }

    private static List<String> visibleChanges(HeadlessChromium browser) {
        return browser.driver().findElements(By.cssSelector("#change-table tbody tr")).stream().filter(WebElement::isDisplayed)
                .map(row -> row.findElement(By.tagName("a")).getText()).toList();
    }

    @Test
    void theSearchBoxFindsTablesAndColumnsAcrossDatabasesAndLeadsToThem(HeadlessChromium browser) {
        browser.open(collection.resolve("index.html"));
        WebElement search = browser.driver().findElement(By.id("search"));

        search.sendKeys("email");
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results li a")));
        List<String> columns = searchResults(browser);
        assertThat(columns).contains("shop.customers.email column, in dsm_every", "dsm_every.customers.email column, in " + MARIADB);
        search.clear();
        search.sendKeys("events_lo");
        waiting(browser).until(driver -> searchResults(browser).contains("dsm_every.events_log in " + MARIADB));
        browser.driver().findElement(By.linkText("dsm_every.events_log")).click();

        waiting(browser).until(ExpectedConditions.textToBe(By.cssSelector("h1 .name"), MARIADB));
        String anchor = browser.driver().getCurrentUrl().replaceFirst("^[^#]*#", "");
        assertThat(browser.driver().findElement(By.id(anchor)).findElement(By.cssSelector("h3 .name")).getText()).isEqualTo("dsm_every.events_log");
        assertThat(severe(browser)).isEmpty();
    }

    private static List<String> searchResults(HeadlessChromium browser) {
        return browser.driver().findElements(By.cssSelector("#search-results li")).stream().map(WebElement::getText).toList();
    }
}
