package dev.dbsurveyor.model;

import java.util.List;

/**
 * A table constraint; {@code checkClause} is set for check and exclusion constraints.
 * {@code constraintType} is always a v1.0 type. Where v1.0 has no word for the kind, the closest
 * true v1.0 form is written and {@code constraintKind} (an addition, null otherwise) says exactly
 * what it is: an exclusion constraint is a {@code Check} across rows whose {@code checkClause} is
 * its whole {@code EXCLUDE USING …} definition, with {@code constraintKind} {@code Exclusion}.
 */
public record Constraint(
        String name,
        String tableName,
        String schema,
        ConstraintType constraintType,
        List<String> columns,
        String checkClause,
        ConstraintType constraintKind) {

    public Constraint {
        Require.text(name, "name");
        Require.text(tableName, "table_name");
        Require.present(constraintType, "constraint_type");
        columns = Require.list(columns);
        if (!constraintType.inV1()) {
            constraintKind = constraintType;
            constraintType = constraintType.v1Form();
        }
        if (constraintKind == constraintType) {
            constraintKind = null;
        }
    }

    /** A constraint of {@code kind}, written in its v1.0 form when v1.0 has no word for it. */
    public Constraint(String name, String tableName, String schema, ConstraintType kind, List<String> columns, String checkClause) {
        this(name, tableName, schema, kind, columns, checkClause, null);
    }

    /** What the constraint exactly is: {@code constraintKind} where v1.0 has no word for it, else {@code constraintType}. */
    public ConstraintType kind() {
        return constraintKind != null ? constraintKind : constraintType;
    }
}
