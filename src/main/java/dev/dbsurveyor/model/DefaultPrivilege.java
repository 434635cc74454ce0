package dev.dbsurveyor.model;

/**
 * A privilege that objects a role makes later are granted with (PostgreSQL's
 * {@code ALTER DEFAULT PRIVILEGES}); an addition to v1.0. {@code schema} is null when it holds in
 * every schema; {@code acl} is the entry it comes from.
 */
public record DefaultPrivilege(
        String owner,
        String schema,
        GrantObject objectType,
        String grantee,
        String grantor,
        String privilege,
        boolean isGrantable,
        String acl) {

    public DefaultPrivilege {
        Require.text(owner, "owner");
        Require.present(objectType, "object_type");
        Require.text(grantee, "grantee");
        Require.text(privilege, "privilege");
    }
}
