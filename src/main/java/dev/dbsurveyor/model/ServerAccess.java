package dev.dbsurveyor.model;

import java.util.List;

/**
 * Who the server's roles are and what they may do beyond any one database; an addition to v1.0:
 * roles with their attributes, memberships, the privileges on databases (PostgreSQL) or the
 * server's global, database, table, column and routine privileges (MySQL, MariaDB), and who owns
 * each database.
 */
public record ServerAccess(List<Role> roles, List<RoleMembership> memberships, List<Grant> privileges, List<ObjectOwner> owners) {

    public ServerAccess {
        roles = Require.list(roles);
        memberships = Require.list(memberships);
        privileges = Require.list(privileges);
        owners = Require.list(owners);
    }
}
