package dev.dbsurveyor.report;

/** What {@code dbsurveyor report} writes. */
public enum ReportFormat {
    /** A static site that opens from the file system: {@code index.html}, a page per database, assets. */
    HTML,
    /** GitHub-flavoured Markdown: {@code README.md} and a file per database. */
    MARKDOWN
}
