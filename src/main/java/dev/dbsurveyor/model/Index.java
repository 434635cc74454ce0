package dev.dbsurveyor.model;

import java.util.List;

/**
 * An index. {@code predicate} (the WHERE of a partial index) is an addition to v1.0; expression
 * columns are kept as {@link IndexColumn}s whose {@code expression} is set.
 */
public record Index(
        String name,
        String tableName,
        String schema,
        List<IndexColumn> columns,
        boolean isUnique,
        boolean isPrimary,
        String indexType,
        String predicate) {

    public Index {
        Require.text(name, "name");
        Require.text(tableName, "table_name");
        columns = Require.list(columns);
    }
}
