package dev.dbsurveyor.model;

import java.util.List;

/** A table's primary key, its columns in key order. */
public record PrimaryKey(String name, List<String> columns) {

    public PrimaryKey {
        columns = Require.nonEmptyList(columns, "columns");
    }
}
