package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.access.EffectiveAccess;
import dev.dbsurveyor.model.DatabaseAccess;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.DefaultPrivilege;
import dev.dbsurveyor.model.Grant;
import dev.dbsurveyor.model.GrantObject;
import dev.dbsurveyor.model.MultiDatabaseOutput;
import dev.dbsurveyor.model.ObjectOwner;
import dev.dbsurveyor.model.Policy;
import dev.dbsurveyor.model.PolicyCommand;
import dev.dbsurveyor.model.Role;
import dev.dbsurveyor.model.RowSecurity;
import dev.dbsurveyor.model.ServerAccess;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.Sweep;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.ServerEndpoint;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access map of a real server: roles with nested memberships (one of them a hostile name),
 * table, column, schema and function grants, default privileges and row-security policies made
 * here, then every collected privilege compared with what {@code has_table_privilege} and
 * {@code has_column_privilege} answer for every role, table and column.
 */
class PostgresAccessIT {

    private static final List<String> TABLE_PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");
    private static final List<String> COLUMN_PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "REFERENCES");

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    private record Roles(String org, String team, String hostile, String loner, String owner) {
        List<String> all() {
            return List.of(org, team, hostile, loner, owner);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Test
    void theAccessMapAgreesWithThePrivilegeFunctionsForEveryRoleTableAndColumn(@Postgres TestServer server,
                                                                             @org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Roles roles = new Roles("dbs_org_" + suffix, "dbs_team_" + suffix, "dbs \"hostile\"; DROP ROLE x; --'" + suffix,
                "dbs_loner_" + suffix, "dbs_owner_" + suffix);
        String database = server.createDatabase();
        var q = server.engine();
        try {
            server.execute(null,
                    "CREATE ROLE " + q.quote(roles.org()),
                    "CREATE ROLE " + q.quote(roles.team()) + " CREATEDB CONNECTION LIMIT 5 VALID UNTIL '2099-01-01 00:00:00+00' IN ROLE " + q.quote(roles.org()),
                    "CREATE ROLE " + q.quote(roles.hostile()) + " LOGIN PASSWORD 'never-in-any-output-" + suffix + "' IN ROLE " + q.quote(roles.team()),
                    "CREATE ROLE " + q.quote(roles.loner()) + " LOGIN NOINHERIT IN ROLE " + q.quote(roles.org()),
                    "CREATE ROLE " + q.quote(roles.owner()),
                    "GRANT CONNECT, TEMPORARY ON DATABASE " + q.quote(database) + " TO " + q.quote(roles.team()));
            server.execute(database,
                    "CREATE SCHEMA s AUTHORIZATION " + q.quote(roles.owner()),
                    "SET ROLE " + q.quote(roles.owner()),
                    "CREATE TABLE s.orders (id int PRIMARY KEY, total numeric, note text)",
                    "CREATE TABLE s.payments (id int PRIMARY KEY, amount numeric, card text)",
                    "CREATE TABLE s.secret (id int)",
                    "CREATE VIEW s.totals AS SELECT id, total FROM s.orders",
                    "CREATE SEQUENCE s.numbers",
                    "CREATE FUNCTION s.add(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b'",
                    "REVOKE ALL ON s.secret FROM " + q.quote(roles.owner()),
                    "GRANT USAGE ON SCHEMA s TO " + q.quote(roles.org()),
                    "GRANT SELECT ON s.orders TO " + q.quote(roles.org()),
                    "GRANT INSERT (amount), UPDATE (amount) ON s.payments TO " + q.quote(roles.team()),
                    "GRANT UPDATE ON s.payments TO " + q.quote(roles.hostile()) + " WITH GRANT OPTION",
                    "GRANT SELECT ON s.totals TO PUBLIC",
                    "GRANT USAGE ON SEQUENCE s.numbers TO " + q.quote(roles.team()),
                    "REVOKE EXECUTE ON FUNCTION s.add(int, int) FROM PUBLIC",
                    "GRANT EXECUTE ON FUNCTION s.add(int, int) TO " + q.quote(roles.team()),
                    "ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT SELECT ON TABLES TO " + q.quote(roles.team()),
                    "ALTER TABLE s.payments ENABLE ROW LEVEL SECURITY",
                    "ALTER TABLE s.payments FORCE ROW LEVEL SECURITY",
                    "CREATE POLICY small ON s.payments FOR SELECT TO " + q.quote(roles.team()) + ", " + q.quote(roles.hostile())
                            + " USING (amount < 100)",
                    "CREATE POLICY own_rows ON s.payments AS RESTRICTIVE FOR UPDATE USING (id > 0) WITH CHECK (amount >= 0)",
                    "RESET ROLE");

            PostgresAdapter adapter = PostgresFixtures.adapter(server.endpoint());
            MultiDatabaseOutput output;
            try {
                output = Sweep.of(adapter, MultiDatabaseConfig.builder().include(database).build()).collectAll().block(Duration.ofSeconds(60));
            } finally {
                adapter.close().block(Duration.ofSeconds(10));
            }
            MultiDatabaseOutput.Bundle bundle = (MultiDatabaseOutput.Bundle) output;
            String json = ContractSchemas.assertValid(bundle.result());
            assertThat(json).doesNotContain("never-in-any-output").doesNotContain("SCRAM-SHA-256$");
            ServerInfo serverInfo = bundle.result().serverInfo();
            DatabaseSchema document = bundle.result().databases().get(0).schema();
            assertThat(document.collectionMetadata().objectFailures()).isEmpty();
            ServerAccess serverAccess = serverInfo.access();
            DatabaseAccess access = document.access();

            assertThat(serverAccess.roles()).filteredOn(role -> role.name().equals(roles.team())).singleElement().satisfies(team -> {
                assertThat(team.createDatabase()).isTrue();
                assertThat(team.login()).isFalse();
                assertThat(team.connectionLimit()).isEqualTo(5);
                assertThat(team.validUntil()).isEqualTo(java.time.Instant.parse("2099-01-01T00:00:00Z"));
            });
            assertThat(serverAccess.roles()).filteredOn(role -> role.name().equals(roles.loner())).extracting(Role::inherit).containsExactly(false);
            assertThat(serverAccess.privileges()).filteredOn(grant -> database.equals(grant.objectName()) && grant.grantee().equals(roles.team()))
                    .extracting(Grant::privilege).containsExactlyInAnyOrder("CONNECT", "TEMPORARY");
            assertThat(serverAccess.owners()).contains(new ObjectOwner(GrantObject.DATABASE, null, database, server.endpoint().user()));

            EffectiveAccess effective = EffectiveAccess.of(serverAccess);
            assertThat(effective.inherited(roles.hostile())).containsEntry(roles.org(), List.of(roles.hostile(), roles.team(), roles.org()));
            assertThat(effective.inherited(roles.loner())).doesNotContainKey(roles.org());

            compareTables(server, database, roles, access, effective);
            compareColumns(server, database, roles, access, effective);

            assertThat(access.privileges()).filteredOn(grant -> grant.grantee().equals(roles.hostile()) && "payments".equals(grant.objectName()))
                    .singleElement().satisfies(grant -> {
                        assertThat(grant.privilege()).isEqualTo("UPDATE");
                        assertThat(grant.isGrantable()).isTrue();
                        assertThat(grant.grantor()).isEqualTo(roles.owner());
                        assertThat(grant.acl()).contains("=w*/");
                    });
            assertThat(access.privileges()).filteredOn(grant -> grant.objectType() == GrantObject.FUNCTION)
                    .extracting(Grant::objectName, Grant::grantee).contains(org.assertj.core.groups.Tuple.tuple("add(a integer, b integer)", roles.team()))
                    .noneMatch(tuple -> Grant.PUBLIC.equals(tuple.toList().get(1)));
            assertThat(access.privileges()).filteredOn(grant -> grant.objectType() == GrantObject.SEQUENCE && grant.grantee().equals(roles.team()))
                    .extracting(Grant::privilege).containsExactly("USAGE");
            assertThat(access.privileges()).noneMatch(grant -> "secret".equals(grant.objectName()));
            assertThat(access.owners()).contains(new ObjectOwner(GrantObject.TABLE, "s", "secret", roles.owner()),
                    new ObjectOwner(GrantObject.VIEW, "s", "totals", roles.owner()), new ObjectOwner(GrantObject.SCHEMA, null, "s", roles.owner()));
            assertThat(access.defaultPrivileges()).singleElement().satisfies(defaults -> {
                assertThat(defaults).extracting(DefaultPrivilege::owner, DefaultPrivilege::schema, DefaultPrivilege::objectType,
                        DefaultPrivilege::grantee, DefaultPrivilege::privilege).containsExactly(roles.owner(), "s", GrantObject.TABLE,
                        roles.team(), "SELECT");
            });
            assertThat(access.rowSecurity()).containsExactly(new RowSecurity("s", "payments", true, true));
            assertThat(access.policies()).extracting(Policy::name, Policy::command, Policy::permissive, Policy::roles, Policy::using,
                            Policy::withCheck)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("own_rows", PolicyCommand.UPDATE, false, List.of(Grant.PUBLIC), "id > 0",
                                    "amount >= 0::numeric"),
                            org.assertj.core.groups.Tuple.tuple("small", PolicyCommand.SELECT, true,
                                    List.of(roles.hostile(), roles.team()).stream().sorted().toList(), "amount < 100::numeric", null));

            reportShowsWhoCanReadWhat(bundle, roles, directory);
            collectAsARoleWithFewRights(server, database, roles);
        } finally {
            server.dropDatabase(database);
            for (String role : List.of(roles.hostile(), roles.loner(), roles.team(), roles.org(), roles.owner())) {
                server.execute(null, "DROP ROLE IF EXISTS " + q.quote(role));
            }
        }
    }

    /** Every role, relation of schema s and table privilege: the map's answer against has_table_privilege. */
    private static void compareTables(TestServer server, String database, Roles roles, DatabaseAccess access, EffectiveAccess effective) {
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (String role : roles.all()) {
            for (Map<String, Object> row : server.query(database, "SELECT c.relname AS name, c.relkind::text AS kind, p AS privilege, "
                    + "has_table_privilege(" + literal(role) + ", c.oid, p) AS held FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "CROSS JOIN unnest(ARRAY['" + String.join("','", TABLE_PRIVILEGES) + "']) AS p WHERE n.nspname = 's' AND c.relkind IN ('r', 'v')")) {
                GrantObject type = row.get("kind").equals("v") ? GrantObject.VIEW : GrantObject.TABLE;
                boolean mapped = effective.path(role, access.privileges(), type, "s", (String) row.get("name"), null, (String) row.get("privilege"))
                        .isPresent();
                compared++;
                if (mapped != (Boolean) row.get("held")) {
                    disagreements.add(role + " " + row.get("privilege") + " on " + row.get("name") + ": server " + row.get("held") + ", map " + mapped);
                }
            }
        }
        assertThat(compared).isEqualTo(roles.all().size() * 4 * TABLE_PRIVILEGES.size());
        assertThat(disagreements).isEmpty();
    }

    /** Every role, column of schema s and column privilege: a table grant or a column grant, against has_column_privilege. */
    private static void compareColumns(TestServer server, String database, Roles roles, DatabaseAccess access, EffectiveAccess effective) {
        List<String> disagreements = new ArrayList<>();
        for (String role : roles.all()) {
            for (Map<String, Object> row : server.query(database, "SELECT c.relname AS name, a.attname AS column_name, p AS privilege, "
                    + "has_column_privilege(" + literal(role) + ", c.oid, a.attnum, p) AS held FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                    + "CROSS JOIN unnest(ARRAY['" + String.join("','", COLUMN_PRIVILEGES) + "']) AS p WHERE n.nspname = 's' AND c.relkind = 'r'")) {
                String table = (String) row.get("name");
                String privilege = (String) row.get("privilege");
                boolean mapped = effective.path(role, access.privileges(), GrantObject.TABLE, "s", table, null, privilege).isPresent()
                        || effective.path(role, access.privileges(), GrantObject.COLUMN, "s", table, (String) row.get("column_name"), privilege).isPresent();
                if (mapped != (Boolean) row.get("held")) {
                    disagreements.add(role + " " + privilege + " on " + table + "." + row.get("column_name") + ": server " + row.get("held") + ", map " + mapped);
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /** The report's access page names each reader with its path of memberships and marks what PUBLIC can read. */
    private static void reportShowsWhoCanReadWhat(MultiDatabaseOutput.Bundle bundle, Roles roles, java.nio.file.Path directory) {
        try {
            java.nio.file.Path input = directory.resolve("server.json");
            java.nio.file.Files.writeString(input, ContractMapper.mapper().writeValueAsString(bundle.result()));
            dev.dbsurveyor.report.Reports.write(input, directory.resolve("report"), dev.dbsurveyor.report.ReportFormat.HTML, false,
                    java.time.Clock.systemUTC());
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(directory.resolve("report").resolve("access.html").toFile());
            org.jsoup.select.Elements rows = page.select("#access-table tbody tr");
            org.jsoup.nodes.Element orders = rows.stream().filter(row -> row.select("td").get(1).text().equals("s.orders")).findFirst().orElseThrow();
            assertThat(orders.select(".reader").eachText()).contains(String.join(" → ", roles.hostile(), roles.team(), roles.org()),
                    String.join(" → ", roles.team(), roles.org()), roles.org()).doesNotContain(roles.loner());
            org.jsoup.nodes.Element totals = rows.stream().filter(row -> row.select("td").get(1).text().startsWith("s.totals")).findFirst().orElseThrow();
            assertThat(totals.hasClass("public-readable")).isTrue();
            assertThat(org.jsoup.Jsoup.parse(directory.resolve("report").resolve("index.html").toFile()).select("a[href=access.html]")).hasSize(1);
            dev.dbsurveyor.report.Reports.write(input, directory.resolve("markdown"), dev.dbsurveyor.report.ReportFormat.MARKDOWN, false,
                    java.time.Clock.systemUTC());
            String markdown = java.nio.file.Files.readString(directory.resolve("markdown").resolve("ACCESS.md"));
            assertThat(markdown).contains("**readable by PUBLIC**")
                    .contains(dev.dbsurveyor.report.MarkdownText.code(roles.team() + " → " + roles.org()));
            assertThat(java.nio.file.Files.readString(directory.resolve("markdown").resolve("README.md"))).contains("(<ACCESS.md>)");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A login role that may only connect collects the same map: PostgreSQL shows every ACL to every role. */
    private static void collectAsARoleWithFewRights(TestServer server, String database, Roles roles) {
        ServerEndpoint admin = server.endpoint();
        ServerEndpoint few = new ServerEndpoint(admin.engine(), admin.host(), admin.port(), roles.hostile(), "never-in-any-output", admin.source());
        PostgresAdapter adapter = PostgresFixtures.adapter(few);
        try {
            DatabaseSchema document = adapter.collect(database).block(Duration.ofSeconds(60));
            ContractSchemas.assertValid(document);
            assertThat(document.access().privileges()).isNotEmpty();
            assertThat(document.collectionMetadata().objectFailures()).noneMatch(failure -> failure.stage()
                    == dev.dbsurveyor.model.CollectionStage.COLLECT_PRIVILEGES);
            assertThat(ContractMapper.mapper().valueToTree(document).toString()).doesNotContain("never-in-any-output");
        } finally {
            adapter.close().block(Duration.ofSeconds(10));
        }
    }
}
