package dev.dbsurveyor.model;

/**
 * One key of an index. For an expression key, {@code expression} (an addition to v1.0) holds the
 * expression and {@code name} repeats it, so v1.0 readers still see what the key is.
 */
public record IndexColumn(String name, SortOrder sortOrder, String expression) {

    public IndexColumn {
        Require.text(name, "name");
    }
}
