package dev.dbsurveyor.model;

import java.util.List;

/** A foreign key; {@code columns} and {@code referencedColumns} pair up by position. */
public record ForeignKey(
        String name,
        List<String> columns,
        String referencedTable,
        String referencedSchema,
        List<String> referencedColumns,
        ReferentialAction onDelete,
        ReferentialAction onUpdate) {

    public ForeignKey {
        columns = Require.nonEmptyList(columns, "columns");
        Require.text(referencedTable, "referenced_table");
        referencedColumns = Require.nonEmptyList(referencedColumns, "referenced_columns");
    }
}
