package dev.dbsurveyor.model;

import java.util.List;

/**
 * A row-security policy of a table; an addition to v1.0. {@code roles} lists the roles it applies
 * to ({@code PUBLIC} for all); {@code using} and {@code withCheck} are its expressions as the
 * engine prints them, null where the policy has none.
 */
public record Policy(
        String name,
        String schema,
        String tableName,
        PolicyCommand command,
        boolean permissive,
        List<String> roles,
        String using,
        String withCheck) {

    public Policy {
        Require.text(name, "name");
        Require.text(tableName, "table_name");
        Require.present(command, "command");
        roles = Require.list(roles);
    }
}
