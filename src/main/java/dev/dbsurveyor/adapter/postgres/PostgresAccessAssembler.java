package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.DefaultPrivilegeRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.PolicyRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.DatabaseGrantRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.PrivilegeRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.ServerRow;
import dev.dbsurveyor.model.DatabaseAccess;
import dev.dbsurveyor.model.DefaultPrivilege;
import dev.dbsurveyor.model.Grant;
import dev.dbsurveyor.model.GrantObject;
import dev.dbsurveyor.model.ObjectOwner;
import dev.dbsurveyor.model.Policy;
import dev.dbsurveyor.model.PolicyCommand;
import dev.dbsurveyor.model.Role;
import dev.dbsurveyor.model.RoleMembership;
import dev.dbsurveyor.model.RowSecurity;
import dev.dbsurveyor.model.ServerAccess;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's access maps: a database's from the privilege stages (grants expanded from every
 * ACL, default privileges, row security and policies, and who owns each object; null when none
 * of those stages could be read, their failures being in the document's object failures), and the
 * server's from the server query (roles, memberships, database privileges and owners).
 */
final class PostgresAccessAssembler {

    private PostgresAccessAssembler() {
    }

    static DatabaseAccess assemble(PostgresCatalog catalog) {
        if (!catalog.read(PostgresStage.PRIVILEGES) && !catalog.read(PostgresStage.DEFAULT_PRIVILEGES) && !catalog.read(PostgresStage.POLICIES)) {
            return null;
        }
        List<Grant> grants = new ArrayList<>();
        Set<ObjectOwner> owners = new LinkedHashSet<>();
        for (PrivilegeRow row : catalog.rows(PostgresStage.PRIVILEGES, PrivilegeRow.class)) {
            GrantObject type = GrantObject.valueOf(upperSnake(row.objectType()));
            if (type != GrantObject.COLUMN) {
                owners.add(new ObjectOwner(type, row.schema(), row.name(), row.owner()));
            }
            if (row.grantee() != null) {
                grants.add(new Grant(type, row.schema(), row.name(), row.columnName(), row.grantee(), row.grantor(), row.privilege(),
                        row.grantable(), row.acl()));
            }
        }
        List<DefaultPrivilege> defaults = catalog.rows(PostgresStage.DEFAULT_PRIVILEGES, DefaultPrivilegeRow.class).stream()
                .map(row -> new DefaultPrivilege(row.owner(), row.schema(), defaultObject(row.objectType()), row.grantee(), row.grantor(),
                        row.privilege(), row.grantable(), row.acl()))
                .toList();
        Set<RowSecurity> rowSecurity = new LinkedHashSet<>();
        List<Policy> policies = new ArrayList<>();
        for (PolicyRow row : catalog.rows(PostgresStage.POLICIES, PolicyRow.class)) {
            rowSecurity.add(new RowSecurity(row.schema(), row.tableName(), row.enabled(), row.forced()));
            if (row.name() != null) {
                // Sorted here, by code point: the server's ORDER BY follows the database's collation.
                policies.add(new Policy(row.name(), row.schema(), row.tableName(), command(row.command()), row.permissive(),
                        row.roles().stream().sorted().toList(),
                        row.using(), row.withCheck()));
            }
        }
        return new DatabaseAccess(grants, defaults, List.copyOf(rowSecurity), policies, List.copyOf(owners));
    }

    /** The server's roles, memberships, database privileges and database owners, from the server query. */
    static ServerAccess server(ServerRow row) {
        List<Role> roles = nullToEmpty(row.roles()).stream()
                .map(role -> new Role(role.name(), role.superuser(), role.login(), role.inherit(), role.createRole(), role.createDatabase(),
                        role.replication(), role.bypassRls(), role.connectionLimit(),
                        role.validUntil() == null || role.validUntil().equals("infinity") ? null : instant(role.validUntil())))
                .toList();
        List<RoleMembership> memberships = nullToEmpty(row.memberships()).stream()
                .map(m -> new RoleMembership(m.role(), m.member(), m.grantor(), m.adminOption(), m.inheritOption(), m.setOption()))
                .toList();
        List<Grant> grants = new ArrayList<>();
        Set<ObjectOwner> owners = new LinkedHashSet<>();
        for (DatabaseGrantRow grant : nullToEmpty(row.databaseGrants())) {
            owners.add(new ObjectOwner(GrantObject.DATABASE, null, grant.database(), grant.owner()));
            if (grant.grantee() != null) {
                grants.add(new Grant(GrantObject.DATABASE, null, grant.database(), null, grant.grantee(), grant.grantor(), grant.privilege(),
                        grant.grantable(), grant.acl()));
            }
        }
        return new ServerAccess(roles, memberships, grants, List.copyOf(owners));
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A timestamp as PostgreSQL's JSON writes it ({@code 2030-01-01T00:00:00+00:00}). */
    private static java.time.Instant instant(String timestamp) {
        return java.time.OffsetDateTime.parse(timestamp).toInstant();
    }

    /** {@code MaterializedView} as {@code MATERIALIZED_VIEW}. */
    private static String upperSnake(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    /** {@code pg_default_acl.defaclobjtype}: r tables, S sequences, f routines, T types, n schemas. */
    private static GrantObject defaultObject(String code) {
        return switch (code) {
            case "S" -> GrantObject.SEQUENCE;
            case "f" -> GrantObject.FUNCTION;
            case "T" -> GrantObject.TYPE;
            case "n" -> GrantObject.SCHEMA;
            default -> GrantObject.TABLE;
        };
    }

    /** {@code pg_policy.polcmd}: r SELECT, a INSERT, w UPDATE, d DELETE, * all. */
    private static PolicyCommand command(String code) {
        return switch (code) {
            case "r" -> PolicyCommand.SELECT;
            case "a" -> PolicyCommand.INSERT;
            case "w" -> PolicyCommand.UPDATE;
            case "d" -> PolicyCommand.DELETE;
            default -> PolicyCommand.ALL;
        };
    }
}
