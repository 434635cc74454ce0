package dev.dbsurveyor.report.html;

/** One column of a table as the database page lists it; {@code keys} says PK, FK, UQ, IX as it takes part in them. */
public record ColumnView(int position, String name, String type, String nativeType, boolean nullable, String defaultValue,
                         String comment, String keys) {
}
