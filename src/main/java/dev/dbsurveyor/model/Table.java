package dev.dbsurveyor.model;

import java.util.List;

/**
 * A table with its columns, keys, indexes and constraints. {@code rowCount} is the engine's
 * estimate, or null when there is none. {@code kind} and {@code partitionOf} are additions to
 * v1.0 and may be null.
 */
public record Table(
        String name,
        String schema,
        List<Column> columns,
        PrimaryKey primaryKey,
        List<ForeignKey> foreignKeys,
        List<Index> indexes,
        List<Constraint> constraints,
        String comment,
        Long rowCount,
        TableKind kind,
        TableReference partitionOf) {

    public Table {
        Require.text(name, "name");
        columns = Require.nonEmptyList(columns, "columns");
        foreignKeys = Require.list(foreignKeys);
        indexes = Require.list(indexes);
        constraints = Require.list(constraints);
        Require.nonNegative(rowCount, "row_count");
    }
}
