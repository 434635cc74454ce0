package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.CustomType;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.Routine;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.View;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names built to break SQL (quotes, backticks, semicolons, comments, newlines, control
 * characters, non-ASCII, the longest name PostgreSQL keeps) on a database, a schema and every
 * kind of object in it: each is collected exactly as the catalog holds it, and none changes a query.
 */
class PostgresHostileNamesIT {

    /** PostgreSQL keeps at most 63 bytes of a name. */
    private static final int MAX_NAME_BYTES = 63;

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    /** Hostile names, each unique by its last character; every one fits in 63 bytes. */
    private static List<String> hostile(String kind) {
        return List.of(
                kind + "\"; DROP TABLE x; --",
                kind + "'quoted' `back`",
                kind + " -- comment\n/* block */",
                kind + "\ttab\u0001\u001f\u007f",
                kind + " ünïcödé 表 🐘",
                kind + "$$ $1 %s \\ ?",
                longest(kind));
    }

    private static String longest(String kind) {
        StringBuilder name = new StringBuilder(kind).append('_');
        while (name.toString().getBytes(StandardCharsets.UTF_8).length < MAX_NAME_BYTES) {
            name.append('x');
        }
        return name.toString();
    }

    @Test
    void everyHostileNameIsCollectedExactlyAndChangesNoQuery(@Postgres TestServer server) {
        String database = server.createDatabase(TestServer.uniqueName("dbsurveyor_test_\"; DROP DATABASE postgres; --'`\n"));
        String schema = "schema \"'; --\n`ü";
        server.execute(database, "CREATE SCHEMA " + server.engine().quote(schema));
        List<String> tables = hostile("t");
        List<String> columns = hostile("c");
        List<String> views = hostile("v");
        List<String> functions = hostile("f");
        List<String> types = hostile("ty");
        String q = server.engine().quote(schema) + ".";
        for (int i = 0; i < tables.size(); i++) {
            String column = server.engine().quote(columns.get(i));
            String table = q + server.engine().quote(tables.get(i));
            server.execute(database,
                    "CREATE TABLE " + table + " (" + column + " int PRIMARY KEY)",
                    "CREATE VIEW " + q + server.engine().quote(views.get(i)) + " AS SELECT " + column + " FROM " + table,
                    "CREATE FUNCTION " + q + server.engine().quote(functions.get(i)) + "() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                    "CREATE TYPE " + q + server.engine().quote(types.get(i)) + " AS ENUM ('a''b', '--;')");
        }

        PostgresAdapter adapter = PostgresFixtures.adapter(server.endpoint());
        try {
            DatabaseSchema document = adapter.collect(database).block(Duration.ofSeconds(60));

            assertThat(document.databaseInfo().name()).isEqualTo(database);
            List<Table> collected = document.tables().stream().filter(t -> t.schema().equals(schema)).toList();
            assertThat(collected).extracting(Table::name).containsExactlyInAnyOrderElementsOf(tables);
            assertThat(collected).flatExtracting(Table::columns).extracting(Column::name).containsExactlyInAnyOrderElementsOf(columns);
            assertThat(document.views()).filteredOn(v -> v.schema().equals(schema)).extracting(View::name)
                    .containsExactlyInAnyOrderElementsOf(views);
            assertThat(document.functions()).filteredOn(f -> f.schema().equals(schema)).extracting(Routine::name)
                    .containsExactlyInAnyOrderElementsOf(functions);
            assertThat(document.customTypes()).filteredOn(t -> t.schema().equals(schema)).extracting(CustomType::name)
                    .containsExactlyInAnyOrderElementsOf(types);
            assertThat(document.customTypes()).filteredOn(t -> t.schema().equals(schema))
                    .allSatisfy(type -> assertThat(type.enumLabels()).containsExactly("a'b", "--;"));
            assertThat(document.collectionMetadata().objectFailures()).isEmpty();
            ContractSchemas.assertValid(document);
        } finally {
            adapter.close().block(Duration.ofSeconds(10));
        }
        assertThat(server.query(null, "SELECT count(*) AS n FROM pg_database WHERE datname = 'postgres'").get(0).get("n")).isEqualTo(1L);
    }
}
