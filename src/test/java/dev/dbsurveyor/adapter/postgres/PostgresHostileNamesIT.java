package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.CustomType;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.Routine;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.View;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.HostileNames;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HostileNames} on a database, a schema and every kind of object in it: each is collected
 * exactly as the catalog holds it, and none changes a query.
 */
class PostgresHostileNamesIT {

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    @Test
    void everyHostileNameIsCollectedExactlyAndChangesNoQuery(@Postgres TestServer server) {
        String database = server.createDatabase(TestServer.uniqueName("dbsurveyor_test_\"; DROP DATABASE postgres; --'`\n"));
        String schema = "schema \"'; --\n`ü";
        server.execute(database, "CREATE SCHEMA " + server.engine().quote(schema));
        List<String> tables = HostileNames.of(server.engine(), "t");
        List<String> columns = HostileNames.of(server.engine(), "c");
        List<String> views = HostileNames.of(server.engine(), "v");
        List<String> functions = HostileNames.of(server.engine(), "f");
        List<String> types = HostileNames.of(server.engine(), "ty");
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
