package dev.dbsurveyor.report;

/**
 * One Mermaid entity-relationship diagram of a report: what it covers, how many tables it draws,
 * and its Mermaid source. {@code focus} is the table a neighbourhood diagram is centred on, as an
 * index into the document's tables; -1 for a diagram of a whole database or schema.
 */
public record ErDiagram(Scope scope, String title, int focus, int tables, int leftOut, String source) {

    /** What a diagram covers. */
    public enum Scope {
        /** Every table of a database small enough to draw whole. */
        DATABASE,
        /** Every table of one schema of a larger database. */
        SCHEMA,
        /** One table and those its foreign keys join it to, in a schema too large to draw whole. */
        NEIGHBOURHOOD
    }
}
