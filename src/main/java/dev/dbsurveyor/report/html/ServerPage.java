package dev.dbsurveyor.report.html;

import java.util.List;

/**
 * The server page: the collection's facts and its databases' counts by status. The list of
 * databases itself is data ({@code data/databases.js}) the page's script sorts, filters and pages;
 * {@code columns} name its columns (label, and the key the script sorts by).
 */
public record ServerPage(String title, List<Fact> facts, List<Fact> statusCounts, List<Fact> columns) {
}
