package dev.dbsurveyor.cli;

import dev.dbsurveyor.report.html.SiteLinks;
import dev.dbsurveyor.report.markdown.MarkdownPages;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dbsurveyor report} of real PostgreSQL sweeps through the real command line: a sweep of
 * databases with hostile names, foreign keys and sensitive samples, then a diff of two sweeps.
 */
class ReportIT {

    private static final String HOSTILE_TABLE = "<script>alert('t')</script>";
    private static final String HOSTILE_COLUMN = "\"onerror\" | `x`";

    @TempDir
    Path directory;

    private static void run(String... args) {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.all()).isZero();
    }

    private static void assertEveryFileValid(Path sweep) throws IOException {
        try (Stream<Path> files = Files.list(sweep)) {
            files.filter(Files::isRegularFile).forEach(ContractSchemas::assertValidFile);
        }
    }

    private static Document page(Path site, String database) {
        return SiteLinks.pages(site).stream().map(SiteLinks::parse)
                .filter(page -> page.select("h1 .name").text().equals(database)).findFirst().orElseThrow();
    }

    private static String[] databases(TestServer server, String prefix) {
        String shop = server.createDatabase(prefix + "shop");
        String odd = server.createDatabase(prefix + "odd <b>name</b>");
        server.execute(shop,
                "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, password text, created date DEFAULT current_date)",
                "COMMENT ON COLUMN customers.email TO 'where we write'".replace(" TO ", " IS "),
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2))",
                "CREATE TABLE order_lines (order_id int REFERENCES orders (id), line int, PRIMARY KEY (order_id, line))",
                "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
                "CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM orders $$",
                "INSERT INTO customers VALUES (1, 'ada@example.com', 'hunter2', '2026-01-01')");
        server.execute(odd, "CREATE TABLE \"" + HOSTILE_TABLE.replace("\"", "\"\"") + "\" (\"" + HOSTILE_COLUMN.replace("\"", "\"\"")
                + "\" int)");
        return new String[] {shop, odd};
    }

    @Test
    void aSweepBecomesASiteWithEveryDatabaseItsTablesDiagramsAndRedactedSamples(@Postgres TestServer server) throws IOException {
        String prefix = TestServer.uniqueName("report_") + "_";
        String[] names = databases(server, prefix);
        Path sweep = directory.resolve("sweep");
        Path site = directory.resolve("site");
        run("collect", server.endpoint().url(), "--include", prefix + "*", "--sample", "2", "--output-dir", sweep.toString(),
                "--no-progress", "-q");
        assertEveryFileValid(sweep);

        CommandRun report = CommandRun.of("report", sweep.toString(), "-o", site.toString());

        assertThat(report.exitCode()).as(report.all()).isZero();
        assertThat(report.out()).contains("wrote the report of 2 database(s)");
        assertThat(SiteLinks.broken(site)).isEmpty();
        assertThat(Files.readString(site.resolve("data/databases.js"))).contains(prefix + "shop").contains(prefix + "odd \\u003Cb\\u003E");
        Document shop = page(site, names[0]);
        Element customers = shop.select("section.table").stream()
                .filter(table -> table.select("h3 .name").text().equals("public.customers")).findFirst().orElseThrow();
        assertThat(customers.select("td.column-name").eachText()).containsExactly("id", "email", "password", "created");
        assertThat(customers.select("tbody tr").get(1).text()).contains("email").contains("text").contains("where we write");
        assertThat(customers.select("table.sample-rows td.redacted").eachText()).as("email and password").containsExactly("[REDACTED]", "[REDACTED]");
        assertThat(customers.select("table.sample-rows").text()).contains("2026-01-01").doesNotContain("hunter2").doesNotContain("ada@");
        assertThat(shop.select("pre.mermaid")).hasSize(1);
        assertThat(shop.select("pre.mermaid").text()).contains("\"public.customers\"").contains("\"public.orders\"")
                .contains("\"public.order_lines\"").contains("||--o{");
        assertThat(shop.select("#views pre code").text()).contains("total > ");
        assertThat(shop.select("#routines pre code").text()).contains("count(*)");
        Document odd = page(site, names[1]);
        assertThat(odd.select("h1 .name b")).isEmpty();
        assertThat(odd.select("section.table h3 .name").eachText()).containsExactly("public." + HOSTILE_TABLE);
        assertThat(odd.select("td.column-name").eachText()).containsExactly(HOSTILE_COLUMN);
        Path markdown = directory.resolve("markdown");
        CommandRun markdownRun = CommandRun.of("report", sweep.toString(), "-o", markdown.toString(), "--format", "markdown");
        assertThat(markdownRun.exitCode()).as(markdownRun.all()).isZero();
        assertThat(MarkdownPages.broken(markdown)).isEmpty();
        // README.md, ACCESS.md (PostgreSQL collections carry an access map) and the two databases' pages.
        assertThat(MarkdownPages.pages(markdown)).hasSize(4).allSatisfy(file -> assertThat(MarkdownPages.foreignHtml(file)).isEmpty());
        assertThat(Files.readString(markdown.resolve("README.md"))).contains(prefix + "shop").contains("odd &lt;b&gt;name&lt;/b&gt;");
        assertThat(odd.select("script").eachAttr("src")).allMatch(src -> src.startsWith("../assets/") || src.startsWith("../data/"));
    }

    @Test
    void twoSweepsDiffedBecomeASiteOfWhatChanged(@Postgres TestServer server) throws IOException {
        String prefix = TestServer.uniqueName("report_diff_") + "_";
        String[] names = databases(server, prefix);
        Path before = directory.resolve("before");
        Path after = directory.resolve("after");
        run("collect", server.endpoint().url(), "--include", prefix + "*", "--output-dir", before.toString(), "--no-progress", "-q");
        server.execute(names[0], "ALTER TABLE customers ALTER COLUMN email TYPE varchar(320)", "ALTER TABLE orders ADD COLUMN note text");
        server.dropDatabase(names[1]);
        run("collect", server.endpoint().url(), "--include", prefix + "*", "--output-dir", after.toString(), "--no-progress", "-q");
        Path changes = directory.resolve("changes.json");
        assertThat(CommandRun.of("diff", before.toString(), after.toString(), "--json", changes.toString(), "-q").exitCode()).isEqualTo(1);
        ContractSchemas.assertValidFile(changes);
        Path site = directory.resolve("site");

        CommandRun report = CommandRun.of("report", changes.toString(), "-o", site.toString());

        assertThat(report.exitCode()).as(report.all()).isZero();
        assertThat(report.out()).contains("2 database(s) that differ");
        assertThat(SiteLinks.broken(site)).isEmpty();
        Document index = SiteLinks.parse(site.resolve("index.html"));
        assertThat(index.select("tr.change-changed a").eachText()).containsExactly(names[0]);
        assertThat(index.select("tr.change-removed a").eachText()).containsExactly(names[1]);
        Document shop = SiteLinks.parse(site.resolve(index.select("tr.change-changed a").attr("href")));
        List<String> changed = shop.select("tr.change-changed").eachText();
        assertThat(changed).anySatisfy(row -> assertThat(row).contains("public.customers.email").contains("native_type")
                .contains("text character varying(320)"));
        assertThat(shop.select("tr.change-added").eachText()).anySatisfy(row -> assertThat(row).contains("public.orders.note"));
    }
}
