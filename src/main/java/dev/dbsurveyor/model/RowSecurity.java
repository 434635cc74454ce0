package dev.dbsurveyor.model;

/** Whether a table enforces row-level security, and whether on its owner too ({@code forced}); an addition to v1.0. */
public record RowSecurity(String schema, String tableName, boolean enabled, boolean forced) {

    public RowSecurity {
        Require.text(tableName, "table_name");
    }
}
