package dev.dbsurveyor.report.html;

/** A link's text and its target, relative to the page that shows it. */
public record Link(String label, String href) {
}
