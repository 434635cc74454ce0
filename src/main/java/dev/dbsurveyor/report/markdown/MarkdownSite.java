package dev.dbsurveyor.report.markdown;

import dev.dbsurveyor.io.StoredDatabase;
import dev.dbsurveyor.model.ChangeDocument;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.report.AccessDigest;
import dev.dbsurveyor.report.CollectionOverview;
import dev.dbsurveyor.report.DatabaseSummary;
import dev.dbsurveyor.report.ErDiagram;
import dev.dbsurveyor.report.MarkdownText;
import dev.dbsurveyor.report.ReportSite;
import dev.dbsurveyor.report.html.AccessPage;
import dev.dbsurveyor.report.html.ChangePage;
import dev.dbsurveyor.report.html.ChangePages;
import dev.dbsurveyor.report.html.CodeView;
import dev.dbsurveyor.report.html.ColumnView;
import dev.dbsurveyor.report.html.DatabasePage;
import dev.dbsurveyor.report.html.DatabasePages;
import dev.dbsurveyor.report.html.DiffOverviewPage;
import dev.dbsurveyor.report.html.Fact;
import dev.dbsurveyor.report.html.ForeignKeyView;
import dev.dbsurveyor.report.html.Link;
import dev.dbsurveyor.report.html.SampleView;
import dev.dbsurveyor.report.html.ServerPage;
import dev.dbsurveyor.report.html.Sizes;
import dev.dbsurveyor.report.html.TableView;
import dev.dbsurveyor.model.Constraint;
import dev.dbsurveyor.model.Index;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.dbsurveyor.report.MarkdownText.cell;
import static dev.dbsurveyor.report.MarkdownText.code;
import static dev.dbsurveyor.report.MarkdownText.line;
import static dev.dbsurveyor.report.MarkdownText.fence;

/**
 * The report as GitHub-flavoured Markdown, readable on GitHub without any script: {@code README.md}
 * the server page (or the databases a change document says differ) and {@code databases/<name>.md}
 * a page per database, with the same content and anchors as the HTML site's pages (built from the
 * same page models) and its ER diagrams as {@code mermaid} blocks, which GitHub draws. Every name
 * and value is escaped ({@link dev.dbsurveyor.report.MarkdownText}); the only HTML written is
 * {@code <a id>} anchors made from positions and {@code <code>} spans of escaped text.
 */
public final class MarkdownSite implements ReportSite {

    /** The entry page: the name GitHub shows for a directory. */
    public static final String INDEX = "README.md";

    /** The entry page of the access map. */
    public static final String ACCESS = "ACCESS.md";

    private final Path root;
    /** Each collected database's readers, kept for the access page written with the server page. */
    private final List<AccessDigest> access = new java.util.ArrayList<>();

    private MarkdownSite(Path root) {
        this.root = root;
    }

    /** A report in the empty directory {@code root}. */
    public static MarkdownSite create(Path root) throws IOException {
        Files.createDirectories(root.resolve("databases"));
        return new MarkdownSite(root);
    }

    /** Where a database's page is, relative to the root ({@code %} escaped, as a link needs). */
    static String href(String page) {
        return "databases/" + page.replace("%", "%25") + ".md";
    }

    @Override
    public void database(StoredDatabase database, DatabaseSummary summary) throws IOException {
        write(root.resolve("databases").resolve(summary.page() + ".md"), out -> databasePage(out, DatabasePages.of(database, summary)));
        if (database instanceof StoredDatabase.Collected collected) {
            AccessDigest.of(collected.schema(), summary.page()).ifPresent(access::add);
        }
    }

    @Override
    public void collection(CollectionOverview overview, List<DatabaseSummary> databases) throws IOException {
        ServerPage server = ServerPage.of(overview, databases);
        boolean accessPage = overview.server() != null && overview.server().access() != null && !access.isEmpty();
        if (accessPage) {
            write(root.resolve(ACCESS), out -> accessPage(out, AccessPage.of(server.title(), overview.server().access(), access, MarkdownSite::href)));
        }
        write(root.resolve(INDEX), out -> {
            out.write("# " + cell(server.title()) + "\n\n");
            facts(out, server.facts());
            if (accessPage) {
                out.write("\n" + link("Who can read what", ACCESS) + ": roles, memberships and the tables each can read.\n");
            }
            out.write("\nDatabases by status:\n\n");
            facts(out, server.statusCounts());
            out.write("\n## Databases\n\n");
            List<String> labels = server.columns().stream().map(Fact::label).toList();
            out.write("| " + String.join(" | ", labels) + " |\n|" + " --- |".repeat(labels.size()) + "\n");
            for (DatabaseSummary database : databases) {
                out.write("| " + link(database.name(), href(database.page())) + " | " + cell(status(database)) + " | "
                        + (database.sizeBytes() == null ? "" : Sizes.of(database.sizeBytes())) + " | " + database.counts().tables()
                        + " | " + database.counts().views() + " | " + database.counts().indexes() + " | " + database.counts().constraints()
                        + " | " + database.counts().routines() + " | " + database.counts().triggers() + " | "
                        + database.counts().customTypes() + " | " + database.objectFailures() + " | "
                        + (database.collectedAt() == null ? "" : database.collectedAt()) + " | "
                        + (database.durationMs() == null ? "" : database.durationMs() + " ms") + " |\n");
            }
        });
    }

    /** Every readable table with its readers, each a path of memberships; what PUBLIC can read marked in bold. */
    private static void accessPage(Writer out, AccessPage page) throws IOException {
        out.write("[" + cell(page.title()) + "](" + INDEX + ") › Who can read what\n\n# Who can read what: " + cell(page.title()) + "\n\n");
        out.write("Superusers (read every table): " + (page.superusers().isEmpty() ? "none"
                : String.join(", ", page.superusers().stream().map(MarkdownText::code).toList())) + "\n\n");
        out.write("Tables and views anyone can read (PUBLIC): " + page.publicTables() + "\n\n");
        out.write("Each reader holds SELECT itself or through the roles it is a member of with inheritance; predefined `pg_*` roles are left out.\n\n");
        out.write("| Database | Table or view | PUBLIC | Readers |\n| --- | --- | --- | --- |\n");
        for (AccessPage.Row row : page.rows()) {
            out.write("| " + link(row.database(), row.href()) + " | " + code(row.table()) + (row.view() ? " (view)" : "") + " | "
                    + (row.publicReadable() ? "**readable by PUBLIC**" : "") + " | "
                    + String.join("; ", row.readers().stream().map(MarkdownText::code).toList()) + " |\n");
        }
    }

    @Override
    public void changes(DatabaseDiff database, String page) throws IOException {
        ChangePage changes = ChangePages.database(database);
        write(root.resolve("databases").resolve(page + ".md"), out -> {
            out.write("[Changes](../" + INDEX + ") › " + cell(changes.name()) + "\n\n# " + cell(changes.name()) + "\n\n"
                    + line(changes.line()) + "\n");
            if (changes.objects().isEmpty()) {
                return;
            }
            out.write("\n| | Kind | Object | Field | Old | New |\n| --- | --- | --- | --- | --- | --- |\n");
            for (ChangePage.Row row : changes.objects()) {
                if (row.fields().isEmpty()) {
                    out.write("| " + cell(row.sign()) + " | " + cell(row.kind()) + " | " + code(row.name()) + " | "
                            + cell(row.change() + (row.note().isEmpty() ? "" : ": " + row.note())) + " | | |\n");
                }
                for (ChangePage.Field field : row.fields()) {
                    out.write("| " + cell(row.sign()) + " | " + cell(row.kind()) + " | " + code(row.name()) + " | " + cell(field.field())
                            + " | " + code(field.oldValue()) + " | " + code(field.newValue()) + " |\n");
                }
            }
        });
    }

    @Override
    public void changeOverview(ChangeDocument header, List<DatabaseDiff> databases, List<String> pages) throws IOException {
        DiffOverviewPage overview = ChangePages.overview(header, databases, pages.stream().map(MarkdownSite::href).toList());
        write(root.resolve(INDEX), out -> {
            out.write("# " + cell(overview.title()) + "\n\n");
            facts(out, overview.facts());
            out.write("\n" + line(overview.summary()) + "\n\n## Databases that differ\n\n");
            if (overview.databases().isEmpty()) {
                out.write("No database differs.\n");
                return;
            }
            out.write("| Database | Change | What |\n| --- | --- | --- |\n");
            for (DiffOverviewPage.Row row : overview.databases()) {
                out.write("| " + link(row.name(), row.href()) + " | " + cell(row.change()) + " | " + cell(row.line()) + " |\n");
            }
        });
    }

    private static void databasePage(Writer out, DatabasePage page) throws IOException {
        out.write("[Server](../" + INDEX + ") › " + cell(page.name()) + "\n\n# " + cell(page.name()) + "\n\n**" + cell(page.status()) + "**"
                + (page.statusDetail().isEmpty() ? "" : ": " + cell(page.statusDetail())) + "\n");
        if (!page.collected()) {
            return;
        }
        if (!page.failures().isEmpty()) {
            out.write("\n## Object failures (" + page.failures().size() + ")\n\n| Object | Kind | Stage | Category | Error | Retries |\n"
                    + "| --- | --- | --- | --- | --- | --- |\n");
            for (ObjectFailure failure : page.failures()) {
                out.write("| " + code((failure.schemaName() == null ? "" : failure.schemaName() + ".") + failure.objectName()) + " | "
                        + failure.objectType().name() + " | " + (failure.stage() == null ? "" : failure.stage().name()) + " | "
                        + failure.errorCategory().name() + " | " + cell(failure.errorMessage()) + " | " + failure.retryAttempts() + " |\n");
            }
        }
        if (!page.warnings().isEmpty()) {
            out.write("\n## Warnings\n\n");
            for (String warning : page.warnings()) {
                out.write("- " + line(warning) + "\n");
            }
        }
        out.write("\n");
        facts(out, page.facts());
        out.write("\nContents:\n\n- [Tables (" + page.tables().size() + ")](#tables)\n- [Views (" + page.views().size() + ")](#views)\n- [Routines ("
                + page.routines().size() + ")](#routines)\n- [Triggers, types and events (" + page.others().size() + ")](#others)\n");
        if (!page.diagrams().isEmpty()) {
            out.write("\n## Diagrams\n");
            for (ErDiagram diagram : page.diagrams()) {
                diagram(out, diagram);
            }
        }
        out.write("\n<a id=\"tables\"></a>\n\n## Tables\n");
        for (TableView table : page.tables()) {
            table(out, table);
        }
        definitions(out, "views", "Views", page.views());
        definitions(out, "routines", "Routines", page.routines());
        definitions(out, "others", "Triggers, types and events", page.others());
    }

    private static void diagram(Writer out, ErDiagram diagram) throws IOException {
        out.write("\n" + line(diagram.title()) + " (" + diagram.tables() + " tables"
                + (diagram.leftOut() > 0 ? ", " + diagram.leftOut() + " more not drawn" : "") + "):\n\n");
        String fence = fence(diagram.source());
        out.write(fence + "mermaid\n" + diagram.source() + (diagram.source().endsWith("\n") ? "" : "\n") + fence + "\n");
    }

    private static void table(Writer out, TableView table) throws IOException {
        out.write("\n<a id=\"" + table.anchor() + "\"></a>\n\n### " + cell(table.qualified()) + " (" + cell(table.kind()) + ")\n\n");
        if (table.table().comment() != null && !table.table().comment().isEmpty()) {
            out.write(line(table.table().comment()) + "\n\n");
        }
        if (table.table().rowCount() != null) {
            out.write("About " + table.table().rowCount() + " rows.\n\n");
        }
        if (table.partitionOf() != null) {
            out.write("Partition of " + link(table.partitionOf()) + ".\n\n");
        }
        if (!table.partitions().isEmpty()) {
            out.write("Partitions: " + String.join(", ", table.partitions().stream().map(MarkdownSite::link).toList()) + "\n\n");
        }
        out.write("| # | Column | Type | Native type | Null | Default | Keys | Comment |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (ColumnView column : table.columns()) {
            out.write("| " + column.position() + " | " + code(column.name()) + " | " + cell(column.type()) + " | " + code(column.nativeType())
                    + " | " + (column.nullable() ? "yes" : "no") + " | " + (column.defaultValue() == null ? "" : code(column.defaultValue()))
                    + " | " + cell(column.keys()) + " | " + cell(column.comment()) + " |\n");
        }
        if (table.table().primaryKey() != null) {
            out.write("\nPrimary key " + (table.table().primaryKey().name() == null ? "" : code(table.table().primaryKey().name()) + " ")
                    + "(" + codes(table.table().primaryKey().columns()) + ")\n");
        }
        if (!table.foreignKeys().isEmpty()) {
            out.write("\nForeign keys:\n\n");
            for (ForeignKeyView foreignKey : table.foreignKeys()) {
                out.write("- " + code(foreignKey.name()) + " (" + code(foreignKey.columns()) + ") → " + link(foreignKey.target()) + " ("
                        + code(foreignKey.referencedColumns()) + "), " + cell(foreignKey.actions()) + "\n");
            }
        }
        if (!table.indexes().isEmpty()) {
            out.write("\nIndexes:\n\n");
            for (Index index : table.indexes()) {
                out.write("- " + code(index.name()) + (index.isPrimary() ? " (primary)" : index.isUnique() ? " (unique)" : "")
                        + (index.indexType() == null ? "" : " " + cell(index.indexType())) + ": "
                        + codes(index.columns().stream().map(column -> column.expression() != null ? column.expression() : column.name()).toList())
                        + (index.predicate() == null ? "" : " where " + code(index.predicate())) + "\n");
            }
        }
        if (!table.constraints().isEmpty()) {
            out.write("\nConstraints:\n\n");
            for (Constraint constraint : table.constraints()) {
                out.write("- " + code(constraint.name()) + " " + constraint.constraintType().name()
                        + (constraint.columns().isEmpty() ? "" : " (" + codes(constraint.columns()) + ")")
                        + (constraint.checkClause() == null ? "" : " " + code(constraint.checkClause())) + "\n");
            }
        }
        if (table.diagram() != null) {
            diagram(out, table.diagram());
        }
        if (table.sample() != null) {
            sample(out, table.sample());
        }
    }

    private static void sample(Writer out, SampleView sample) throws IOException {
        out.write("\nSample: " + cell(sample.description()) + "\n");
        for (String warning : sample.warnings()) {
            out.write("\n> " + line(warning) + "\n");
        }
        if (sample.rows().isEmpty()) {
            return;
        }
        out.write("\n| " + String.join(" | ", sample.columns().stream().map(MarkdownText::cell).toList()) + " |\n|"
                + " --- |".repeat(sample.columns().size()) + "\n");
        for (List<SampleView.Cell> row : sample.rows()) {
            out.write("| " + String.join(" | ", row.stream().map(MarkdownSite::sampleCell).toList()) + " |\n");
        }
    }

    private static String sampleCell(SampleView.Cell value) {
        if (value.redacted()) {
            return "*" + cell(value.text()) + "*";
        }
        return value.isNull() ? "*null*" : code(value.text());
    }

    private static void definitions(Writer out, String anchor, String title, List<CodeView> items) throws IOException {
        out.write("\n<a id=\"" + anchor + "\"></a>\n\n## " + title + "\n");
        for (CodeView item : items) {
            out.write("\n<a id=\"" + item.anchor() + "\"></a>\n\n### " + cell(item.kind()) + " " + cell(item.name()) + "\n\n");
            facts(out, item.facts());
            if (item.comment() != null && !item.comment().isEmpty()) {
                out.write("\n" + line(item.comment()) + "\n");
            }
            if (item.definition() != null && !item.definition().isEmpty()) {
                String fence = fence(item.definition());
                out.write("\n" + fence + ("sql".equals(item.language()) ? "sql" : "") + "\n" + item.definition()
                        + (item.definition().endsWith("\n") ? "" : "\n") + fence + "\n");
            }
        }
    }

    private static void facts(Writer out, List<Fact> facts) throws IOException {
        for (Fact fact : facts) {
            out.write("- " + line(fact.label()) + ": " + cell(fact.value()) + "\n");
        }
    }

    private static String status(DatabaseSummary database) {
        return database.status() + (database.statusDetail().isEmpty() ? "" : ": " + database.statusDetail());
    }

    private static String codes(List<String> names) {
        return String.join(", ", names.stream().map(MarkdownText::code).toList());
    }

    private static String link(Link link) {
        return link.href() == null ? code(link.label()) : link(link.label(), link.href());
    }

    /** A link whose text is escaped and whose destination, in angle brackets, is a relative path or an anchor of ours. */
    private static String link(String text, String href) {
        return "[" + cell(text) + "](<" + href + ">)";
    }

    private interface Content {
        void write(Writer out) throws IOException;
    }

    private static void write(Path file, Content content) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            content.write(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
