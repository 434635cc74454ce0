package dev.dbsurveyor.report;

import dev.dbsurveyor.io.ChangeDocumentReader;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.io.StoredCollection;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.StoredDatabase;
import dev.dbsurveyor.model.ChangeDocument;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.output.DatabaseFileNames;
import dev.dbsurveyor.report.html.HtmlSite;
import dev.dbsurveyor.report.markdown.MarkdownSite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the report of a collection or of a change document into a directory, whole or not at
 * all ({@link ReportDirectory}). A collection is read one database at a time and each page written
 * before the next is read, so memory holds one database's document and a line per database.
 * Blocking: use it from a thread that may block.
 */
public final class Reports {

    private Reports() {
    }

    /** What a report covered. */
    public record Written(Path directory, Path entry, int databases, boolean changes) {
    }

    /**
     * The report of {@code input} (a document, a bundle, a per-database directory or a change
     * document) in {@code format}, written to {@code output}.
     *
     * @throws dev.dbsurveyor.config.ConfigurationException when the input does not read or the output may not be written
     */
    public static Written write(Path input, Path output, ReportFormat format, boolean force, Clock clock) throws IOException {
        return write(input, Decryption.none(), output, format, force, clock);
    }

    /** As {@link #write(Path, Path, ReportFormat, boolean, Clock)}, decoding a compressed or encrypted input with {@code keys}. */
    public static Written write(Path input, Decryption keys, Path output, ReportFormat format, boolean force, Clock clock) throws IOException {
        boolean changes = ChangeDocumentReader.isChangeDocument(input, keys);
        try (StoredCollection collection = changes ? null : CollectionReader.open(input, keys);
             ReportDirectory directory = ReportDirectory.open(output, force)) {
            ReportSite site = format == ReportFormat.HTML ? HtmlSite.create(directory.staging()) : MarkdownSite.create(directory.staging());
            int databases = changes ? changes(input, keys, site) : collection(collection, site, clock);
            directory.commit();
            return new Written(output, output.resolve(format == ReportFormat.HTML ? "index.html" : MarkdownSite.INDEX), databases, changes);
        }
    }

    private static int collection(StoredCollection collection, ReportSite site, Clock clock) throws IOException {
        List<DatabaseSummary> summaries = new ArrayList<>();
        for (String name : collection.names()) {
            StoredDatabase database = collection.read(name);
            DatabaseSummary summary = DatabaseSummary.of(database, DatabaseFileNames.stem(name));
            site.database(database, summary);
            summaries.add(summary);
        }
        site.collection(new CollectionOverview(collection.path().toString(), collection.form(), collection.serverInfo().orElse(null),
                clock.instant()), summaries);
        return summaries.size();
    }

    private static int changes(Path input, Decryption keys, ReportSite site) throws IOException {
        List<DatabaseDiff> databases = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        ChangeDocument header;
        try {
            header = ChangeDocumentReader.read(input, keys, database -> {
                String page = DatabaseFileNames.stem(database.name());
                try {
                    site.changes(database, page);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                databases.add(new DatabaseDiff(database.name(), database.change(), database.oldStatus(), database.newStatus(),
                        database.counts(), List.of()));
                pages.add(page);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        site.changeOverview(header, databases, pages);
        return databases.size();
    }
}
