package dev.dbsurveyor.model;

import java.util.List;

/**
 * Who the server's roles are and what they may do beyond any one database; an addition to v1.0:
 * roles with their attributes, memberships, the privileges on databases (PostgreSQL) or the
 * server's global, database, table, column and routine privileges (MySQL, MariaDB), and who owns
 * each database; MySQL's and MariaDB's accounts. What the collecting user could not read is in
 * {@code failures} (stage {@code CollectPrivileges}), never an empty list alone.
 */
public record ServerAccess(List<Role> roles, List<RoleMembership> memberships, List<Grant> privileges, List<ObjectOwner> owners,
                           List<Account> accounts, List<ObjectFailure> failures) {

    public ServerAccess {
        roles = Require.list(roles);
        memberships = Require.list(memberships);
        privileges = Require.list(privileges);
        owners = Require.list(owners);
        accounts = Require.list(accounts);
        failures = Require.list(failures);
    }

    /** A server's access map without accounts or failures (PostgreSQL's). */
    public ServerAccess(List<Role> roles, List<RoleMembership> memberships, List<Grant> privileges, List<ObjectOwner> owners) {
        this(roles, memberships, privileges, owners, List.of(), List.of());
    }
}
