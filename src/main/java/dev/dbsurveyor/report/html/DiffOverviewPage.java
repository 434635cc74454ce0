package dev.dbsurveyor.report.html;

import java.util.List;

/** The overview of a change document: what was compared, the totals, and a line per database that differs. */
public record DiffOverviewPage(String title, List<Fact> facts, String summary, List<Row> databases) {

    /** A database: its name, its page (null when it has no object changes), how it differs, its counts. */
    public record Row(String name, String href, String change, String line) {
    }
}
