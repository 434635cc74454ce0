package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.Routine;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.View;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.HostileNames;
import dev.dbsurveyor.testing.MySql;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HostileNames} on a database and every kind of object in it: each is collected exactly as
 * the server holds it, and none changes a query. MySQL has no user-defined types and its schemas
 * are its databases.
 */
class MySqlHostileNamesIT {

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    @Test
    void everyHostileNameIsCollectedExactlyAndChangesNoQuery(@MySql TestServer server) {
        String database = server.createDatabase(TestServer.uniqueName("dbsurveyor_test_\"; DROP DATABASE mysql; --'`\n"));
        List<String> tables = HostileNames.of(server.engine(), "t");
        List<String> columns = HostileNames.of(server.engine(), "c");
        List<String> views = HostileNames.of(server.engine(), "v");
        List<String> functions = HostileNames.of(server.engine(), "f");
        for (int i = 0; i < tables.size(); i++) {
            String column = server.engine().quote(columns.get(i));
            String table = server.engine().quote(tables.get(i));
            server.execute(database,
                    "CREATE TABLE " + table + " (" + column + " int PRIMARY KEY, kind ENUM('a''b', '--;'))",
                    "CREATE VIEW " + server.engine().quote(views.get(i)) + " AS SELECT " + column + " FROM " + table,
                    "CREATE FUNCTION " + server.engine().quote(functions.get(i)) + "() RETURNS int DETERMINISTIC RETURN 1");
        }

        MySqlAdapter adapter = MySqlFixtures.adapter(server.endpoint());
        try {
            DatabaseSchema document = adapter.collect(database).block(Duration.ofSeconds(60));

            assertThat(document.databaseInfo().name()).isEqualTo(database);
            assertThat(document.tables()).extracting(Table::name).containsExactlyInAnyOrderElementsOf(tables);
            assertThat(document.tables()).flatExtracting(Table::columns).extracting(Column::name).filteredOn(name -> !name.equals("kind"))
                    .containsExactlyInAnyOrderElementsOf(columns);
            assertThat(document.views()).extracting(View::name).containsExactlyInAnyOrderElementsOf(views);
            assertThat(document.functions()).extracting(Routine::name).containsExactlyInAnyOrderElementsOf(functions);
            assertThat(document.collectionMetadata().objectFailures()).isEmpty();
            ContractSchemas.assertValid(document);
        } finally {
            adapter.close().block(Duration.ofSeconds(10));
        }
        assertThat(server.query(null, "SELECT count(*) AS n FROM information_schema.schemata WHERE schema_name = 'mysql'").get(0).get("n"))
                .isEqualTo(1L);
    }
}
