package dev.dbsurveyor.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dbsurveyor.io.StoredDatabase;
import dev.dbsurveyor.model.ChangeDocument;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.report.AccessDigest;
import dev.dbsurveyor.report.CollectionOverview;
import dev.dbsurveyor.report.DatabaseSummary;
import dev.dbsurveyor.report.ReportSite;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The report as a static HTML site that opens from the file system, with no server and no network:
 * {@code index.html} (the server page, or the overview of a change document), a page per database
 * under {@code databases/}, the data the pages' script reads under {@code data/}, and every script
 * and style under {@code assets/}. Pages come from jte templates ({@code src/main/jte}), which
 * escape every value for the place it goes; the script inserts data as text only.
 */
public final class HtmlSite implements ReportSite {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "dev.dbsurveyor.report.html.templates");
    private static final String ASSETS = "/dev/dbsurveyor/report/html/assets/";
    private static final List<String> ASSET_FILES = List.of("dbsurveyor.css", "dbsurveyor.js", "LICENSES.txt",
            "mermaid/mermaid.min.js", "mermaid/LICENSE", "highlightjs/highlight.min.js", "highlightjs/github.min.css");
    private final Path root;
    private final SearchIndex search;

    /** Each collected database's readers, kept for the access page written with the server page. */
    private final List<AccessDigest> access = new java.util.ArrayList<>();

    private HtmlSite(Path root) {
        this.root = root;
        this.search = new SearchIndex(root.resolve("data"));
    }


    /** A site in the empty directory {@code root}, its assets copied in. */
    public static HtmlSite create(Path root) throws IOException {
        Files.createDirectories(root.resolve("databases"));
        Files.createDirectories(root.resolve("data"));
        for (String asset : ASSET_FILES) {
            Path target = root.resolve("assets").resolve(asset);
            Files.createDirectories(target.getParent());
            try (InputStream in = HtmlSite.class.getResourceAsStream(ASSETS + asset)) {
                if (in == null) {
                    throw new IllegalStateException("the jar holds no report asset " + asset);
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new HtmlSite(root);
    }

    /** Where a database's page is, relative to the site's root ({@code %} escaped, as a URL needs). */
    static String href(String page) {
        return "databases/" + page.replace("%", "%25") + ".html";
    }

    @Override
    public void database(StoredDatabase database, DatabaseSummary summary) throws IOException {
        render("database.jte", DatabasePages.of(database, summary), root.resolve("databases").resolve(summary.page() + ".html"));
        if (database instanceof StoredDatabase.Collected collected) {
            AccessDigest.of(collected.schema(), summary.page()).ifPresent(access::add);
        }
        search.add(database.name(), href(summary.page()), SearchIndex.entries(database));
    }

    @Override
    public void collection(CollectionOverview overview, List<DatabaseSummary> databases) throws IOException {
        search.close();
        try (DataScript data = DataScript.open(root.resolve("data").resolve("databases.js"), "dbsurveyorDatabases")) {
            JsonGenerator json = data.json();
            json.writeStartArray();
            for (DatabaseSummary database : databases) {
                row(json, database);
            }
            json.writeEndArray();
        }
        boolean accessPage = overview.server() != null && overview.server().access() != null && !access.isEmpty();
        if (accessPage) {
            render("access.jte", AccessPage.of(ServerPage.title(overview), overview.server().access(), access, HtmlSite::href),
                    root.resolve("access.html"));
        }
        render("server.jte", ServerPage.of(overview, databases).withAccessPage(accessPage ? "access.html" : null), root.resolve("index.html"));
    }

    private static void row(JsonGenerator json, DatabaseSummary database) throws IOException {
        json.writeStartArray();
        json.writeString(database.name());
        json.writeString(href(database.page()));
        json.writeString(database.status());
        json.writeString(database.statusDetail());
        if (database.sizeBytes() == null) {
            json.writeNull();
        } else {
            json.writeNumber(database.sizeBytes());
        }
        json.writeNumber(database.counts().tables());
        json.writeNumber(database.counts().views());
        json.writeNumber(database.counts().indexes());
        json.writeNumber(database.counts().constraints());
        json.writeNumber(database.counts().routines());
        json.writeNumber(database.counts().triggers());
        json.writeNumber(database.counts().customTypes());
        json.writeNumber(database.objectFailures());
        json.writeString(database.collectedAt() == null ? "" : database.collectedAt().toString());
        if (database.durationMs() == null) {
            json.writeNull();
        } else {
            json.writeNumber(database.durationMs());
        }
        json.writeEndArray();
    }

    @Override
    public void changes(DatabaseDiff database, String page) throws IOException {
        ChangePage changes = ChangePages.database(database);
        render("changes.jte", changes, root.resolve("databases").resolve(page + ".html"));
        search.add(database.name(), href(page), changes.entries());
    }

    @Override
    public void changeOverview(ChangeDocument header, List<DatabaseDiff> databases, List<String> pages) throws IOException {
        search.close();
        List<String> hrefs = pages.stream().map(HtmlSite::href).toList();
        render("diff.jte", ChangePages.overview(header, databases, hrefs), root.resolve("index.html"));
    }

    private static void render(String template, Object page, Path file) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            TEMPLATES.render(template, page, new WriterOutput(writer));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
