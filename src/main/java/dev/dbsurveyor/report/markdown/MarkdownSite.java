package dev.dbsurveyor.report.markdown;

import dev.dbsurveyor.io.StoredDatabase;
import dev.dbsurveyor.model.ChangeDocument;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.report.CollectionOverview;
import dev.dbsurveyor.report.DatabaseSummary;
import dev.dbsurveyor.report.ReportSite;

import java.nio.file.Path;
import java.util.List;

/** The report as GitHub-flavoured Markdown (being written on its own branch). */
public final class MarkdownSite implements ReportSite {

    public static final String INDEX = "README.md";

    public static MarkdownSite create(Path root) {
        throw new UnsupportedOperationException("markdown");
    }

    @Override
    public void database(StoredDatabase database, DatabaseSummary summary) {
        throw new UnsupportedOperationException("markdown");
    }

    @Override
    public void collection(CollectionOverview overview, List<DatabaseSummary> databases) {
        throw new UnsupportedOperationException("markdown");
    }

    @Override
    public void changes(DatabaseDiff database, String page) {
        throw new UnsupportedOperationException("markdown");
    }

    @Override
    public void changeOverview(ChangeDocument header, List<DatabaseDiff> databases, List<String> pages) {
        throw new UnsupportedOperationException("markdown");
    }
}
