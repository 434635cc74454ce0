package dev.dbsurveyor.report.html;

/** A label and its value, as a page shows it. */
public record Fact(String label, String value) {
}
