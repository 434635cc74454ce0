package dev.dbsurveyor.model;

import java.util.List;

/**
 * Who may reach what in one database; an addition to v1.0, read in the same snapshot as the
 * schema. What the collecting role could not read is an object failure of stage
 * {@code CollectPrivileges}, never an empty list.
 */
public record DatabaseAccess(
        List<Grant> privileges,
        List<DefaultPrivilege> defaultPrivileges,
        List<RowSecurity> rowSecurity,
        List<Policy> policies,
        List<ObjectOwner> owners) {

    public DatabaseAccess {
        privileges = Require.list(privileges);
        defaultPrivileges = Require.list(defaultPrivileges);
        rowSecurity = Require.list(rowSecurity);
        policies = Require.list(policies);
        owners = Require.list(owners);
    }
}
