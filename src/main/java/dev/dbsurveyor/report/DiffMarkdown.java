package dev.dbsurveyor.report;

import dev.dbsurveyor.model.ChangeType;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.model.DiffInput;
import dev.dbsurveyor.model.DiffSummary;
import dev.dbsurveyor.model.FieldChange;
import dev.dbsurveyor.model.ObjectChange;
import dev.dbsurveyor.output.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a comparison as Markdown for a pull-request comment while it streams: a title and the
 * totals, a table of the databases that differ, then a section per changed database with a table
 * of its changes (kind, object, what changed). Long or multi-line values (definitions) go in a
 * {@code diff} block. Every name and value is escaped, so no catalog text can make markup.
 * The sections wait in a temporary file until {@link #finish} writes the whole file atomically.
 * Blocking: use it from a thread that may block.
 */
public final class DiffMarkdown implements AutoCloseable {

    private final Path target;
    private final DiffInput old;
    private final DiffInput next;
    private final Path databases;
    private final Path sections;
    private final Writer databaseRows;
    private final Writer sectionText;

    private DiffMarkdown(Path target, DiffInput old, DiffInput next, Path databases, Path sections) throws IOException {
        this.target = target;
        this.old = old;
        this.next = next;
        this.databases = databases;
        this.sections = sections;
        this.databaseRows = Files.newBufferedWriter(databases, StandardCharsets.UTF_8);
        this.sectionText = Files.newBufferedWriter(sections, StandardCharsets.UTF_8);
    }

    /** Starts the Markdown of comparing {@code old} with {@code next} at {@code target}. */
    public static DiffMarkdown open(Path target, DiffInput old, DiffInput next) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path databases = Files.createTempFile(directory, "." + target.getFileName() + ".", ".databases.tmp");
        Path sections = Files.createTempFile(directory, "." + target.getFileName() + ".", ".sections.tmp");
        return new DiffMarkdown(target, old, next, databases, sections);
    }

    /** Adds one database that differs. */
    public void add(DatabaseDiff database) throws IOException {
        databaseRows.write("| " + MarkdownText.cell(database.name()) + " | " + MarkdownText.cell(ChangeLabels.database(database).substring(database.name().length() + 2))
                + " |\n");
        if (database.objects().isEmpty()) {
            return;
        }
        sectionText.write("\n### " + MarkdownText.cell(database.name()) + "\n\n" + MarkdownText.line(ChangeLabels.counts(database.counts())) + "\n\n");
        sectionText.write("| | kind | object | change |\n| --- | --- | --- | --- |\n");
        StringBuilder blocks = new StringBuilder();
        for (ObjectChange change : database.objects()) {
            sectionText.write("| " + ChangeLabels.sign(change) + " | " + MarkdownText.cell(change.kind().word()) + " | " + MarkdownText.code(ChangeLabels.name(change))
                    + " | " + what(change, blocks) + " |\n");
        }
        sectionText.write(blocks.toString());
    }

    /** What a change says in its table cell; long values are added to {@code blocks} below the table. */
    private static String what(ObjectChange change, StringBuilder blocks) {
        if (change.change() == ChangeType.ADDED || change.change() == ChangeType.REMOVED) {
            return change.change().name().toLowerCase(java.util.Locale.ROOT);
        }
        StringBuilder cell = new StringBuilder();
        if (change.change() == ChangeType.UNKNOWN) {
            cell.append(MarkdownText.cell(ChangeLabels.unknown(change)));
            return cell.toString();
        }
        for (FieldChange field : change.fields()) {
            String before = ChangeLabels.before(field);
            String after = ChangeLabels.after(field);
            if (cell.length() > 0) {
                cell.append("<br>");
            }
            if (ChangeLabels.tooLong(before) || ChangeLabels.tooLong(after)) {
                cell.append(MarkdownText.cell(field.field())).append(": see below");
                blocks.append("\n").append(MarkdownText.line(ChangeLabels.name(change))).append(", ").append(MarkdownText.cell(field.field())).append(":\n\n");
                String fence = MarkdownText.fence(before + after);
                blocks.append(fence).append("diff\n");
                before.lines().forEach(line -> blocks.append("- ").append(line).append('\n'));
                after.lines().forEach(line -> blocks.append("+ ").append(line).append('\n'));
                blocks.append(fence).append('\n');
            } else {
                cell.append(MarkdownText.cell(field.field())).append(": ").append(MarkdownText.code(before)).append(" → ").append(MarkdownText.code(after));
            }
        }
        return cell.toString();
    }

    /** Ends the Markdown: title, totals and the table of databases, then the sections; written atomically. */
    public void finish(DiffSummary summary) throws IOException {
        databaseRows.close();
        sectionText.close();
        AtomicFiles.write(target, out -> {
            Writer writer = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write("## dbsurveyor diff\n\n");
            writer.write(MarkdownText.code(old.path()) + " → " + MarkdownText.code(next.path()) + "\n\n");
            writer.write(MarkdownText.line(ChangeLabels.summary(summary)) + "\n");
            if (summary.differs()) {
                writer.write("\n| database | change |\n| --- | --- |\n");
                writer.flush();
                Files.copy(databases, out);
                writer.write("\n## Changes\n");
                writer.flush();
                Files.copy(sections, out);
            } else {
                writer.write("\nNo differences.\n");
            }
            writer.flush();
        });
        close();
    }

    @Override
    public void close() {
        try {
            databaseRows.close();
            sectionText.close();
            Files.deleteIfExists(databases);
            Files.deleteIfExists(sections);
        } catch (IOException ignored) {
            // Nothing more can be done about a temporary file that cannot be deleted.
        }
    }
}
