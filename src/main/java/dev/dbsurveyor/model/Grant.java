package dev.dbsurveyor.model;

/**
 * One privilege on one object held by one grantee, expanded from the object's access control
 * list; an addition to v1.0. {@code grantee} is a role (or MySQL account) name, or {@code PUBLIC}.
 * {@code schema} is null for a database or global grant; {@code columnName} is set for a column
 * grant only. {@code acl} is the access-control entry the row comes from, as the engine writes it
 * (PostgreSQL's {@code alice=r*w/postgres}), kept for auditors.
 */
public record Grant(
        GrantObject objectType,
        String schema,
        String objectName,
        String columnName,
        String grantee,
        String grantor,
        String privilege,
        boolean isGrantable,
        String acl) {

    /** Who every role is, as a grantee: PostgreSQL's PUBLIC. */
    public static final String PUBLIC = "PUBLIC";

    public Grant {
        Require.present(objectType, "object_type");
        Require.text(grantee, "grantee");
        Require.text(privilege, "privilege");
        if ((columnName != null) != (objectType == GrantObject.COLUMN)) {
            throw new IllegalArgumentException("column_name is set for a column grant, and only then");
        }
    }
}
