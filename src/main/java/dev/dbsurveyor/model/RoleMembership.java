package dev.dbsurveyor.model;

/**
 * {@code member} is a member of {@code role}; an addition to v1.0. {@code inheritOption} and
 * {@code setOption} are null where the server has no such options (PostgreSQL before 16, whose
 * members inherit when their own {@code inherit} attribute says so).
 */
public record RoleMembership(String role, String member, String grantor, boolean adminOption, Boolean inheritOption, Boolean setOption) {

    public RoleMembership {
        Require.text(role, "role");
        Require.text(member, "member");
    }
}
