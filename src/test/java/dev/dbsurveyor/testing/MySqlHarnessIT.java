package dev.dbsurveyor.testing;

import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness gives a real MySQL or MariaDB: a database created through it is in the catalog, and gone once dropped. */
class MySqlHarnessIT {

    @Test
    void createsReadsBackAndDropsADatabase(@MySql TestServer server) {
        String name = server.createDatabase();

        Mono<String> fromCatalog = Mono.usingWhen(Mono.from(server.connectionFactory(null).create()),
                connection -> Flux.from(connection.createStatement(
                                "SELECT CAST(SCHEMA_NAME AS CHAR) AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")
                                .bind(0, name).execute())
                        .flatMap(result -> result.map((row, meta) -> row.get("name", String.class)))
                        .single(),
                Connection::close);
        StepVerifier.create(fromCatalog).expectNext(name).verifyComplete();

        server.execute(name, "CREATE TABLE probe (id int PRIMARY KEY)");
        assertThat(server.query(name, "SELECT CAST(DATABASE() AS CHAR) AS db, COUNT(*) AS tables "
                + "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'probe'"))
                .containsExactly(Map.of("db", name, "tables", 1L));

        server.dropDatabase(name);
        assertThat(server.query(null, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + name + "'")).isEmpty();
    }
}
