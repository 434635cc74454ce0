package dev.dbsurveyor.report.html;

/** A foreign key: its name, columns, the table it references (a link when that table is on the page) and its actions. */
public record ForeignKeyView(String name, String columns, Link target, String referencedColumns, String actions) {
}
