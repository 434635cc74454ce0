package dev.dbsurveyor.model;

import java.util.List;

/** A table constraint; {@code checkClause} is set for check (and exclusion) constraints. */
public record Constraint(
        String name,
        String tableName,
        String schema,
        ConstraintType constraintType,
        List<String> columns,
        String checkClause) {

    public Constraint {
        Require.text(name, "name");
        Require.text(tableName, "table_name");
        Require.present(constraintType, "constraint_type");
        columns = Require.list(columns);
    }
}
