package dev.dbsurveyor.model;

/** A database a sweep did not collect on purpose (filtered out, or not accessible), and why. */
public record SkippedDatabase(String databaseName, String reason) {

    public SkippedDatabase {
        Require.text(databaseName, "database_name");
        Require.present(reason, "reason");
    }
}
