package dev.dbsurveyor.model;

/**
 * One key of an index. For an expression key, {@code expression} (an addition to v1.0) holds the
 * expression and {@code name} repeats it, so v1.0 readers still see what the key is.
 * {@code prefix_length} (an addition) is set when only the first characters or bytes of the
 * column are indexed (MySQL, MariaDB).
 */
public record IndexColumn(String name, SortOrder sortOrder, String expression, Integer prefixLength) {

    public IndexColumn {
        Require.text(name, "name");
        Require.positive(prefixLength, "prefix_length");
    }

    /** A key on a whole column or an expression. */
    public IndexColumn(String name, SortOrder sortOrder, String expression) {
        this(name, sortOrder, expression, null);
    }
}
