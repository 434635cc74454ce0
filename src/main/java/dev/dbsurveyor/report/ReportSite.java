package dev.dbsurveyor.report;

import dev.dbsurveyor.io.StoredDatabase;
import dev.dbsurveyor.model.ChangeDocument;
import dev.dbsurveyor.model.DatabaseDiff;

import java.io.IOException;
import java.util.List;

/**
 * A report being written into a directory, page by page, so that a collection of thousands of
 * databases streams through it: each database's page as it is read, the overview pages last.
 */
public interface ReportSite {

    /** The page of one database of a collection. */
    void database(StoredDatabase database, DatabaseSummary summary) throws IOException;

    /** The server page of a collection, after every database's page. */
    void collection(CollectionOverview overview, List<DatabaseSummary> databases) throws IOException;

    /** The page of one database's changes, for a change document ({@code dbsurveyor diff --json}). */
    void changes(DatabaseDiff database, String page) throws IOException;

    /** The overview of a change document, after every database's changes; {@code databases} are summaries without objects. */
    void changeOverview(ChangeDocument header, List<DatabaseDiff> databases, List<String> pages) throws IOException;
}
