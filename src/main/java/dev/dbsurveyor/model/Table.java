package dev.dbsurveyor.model;

import java.util.List;

/**
 * A table with its columns, keys, indexes and constraints. {@code rowCount} is the engine's
 * estimate, or null when there is none. {@code kind} and {@code partitionOf} are additions to
 * v1.0 and may be null. {@code module} (an addition, null otherwise) names what implements a
 * {@link TableKind#VIRTUAL_TABLE} (SQLite's {@code fts5}, {@code rtree}); {@code options} (an
 * addition, empty by default) lists the table's declared storage options ({@code WITHOUT ROWID},
 * {@code STRICT}).
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
        TableReference partitionOf,
        String module,
        List<String> options) {

    public Table {
        Require.text(name, "name");
        columns = Require.nonEmptyList(columns, "columns");
        foreignKeys = Require.list(foreignKeys);
        indexes = Require.list(indexes);
        constraints = Require.list(constraints);
        Require.nonNegative(rowCount, "row_count");
        options = Require.list(options);
        if (module != null && kind != TableKind.VIRTUAL_TABLE) {
            throw new IllegalArgumentException("only a virtual table has a module");
        }
    }

    /** A table without a module or storage options. */
    public Table(String name, String schema, List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                 List<Index> indexes, List<Constraint> constraints, String comment, Long rowCount, TableKind kind,
                 TableReference partitionOf) {
        this(name, schema, columns, primaryKey, foreignKeys, indexes, constraints, comment, rowCount, kind, partitionOf, null, List.of());
    }
}
