package dev.dbsurveyor.testing;

import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness gives a real PostgreSQL: a database created through it is in the catalog, and gone once dropped. */
class PostgresHarnessIT {

    @Test
    void createsReadsBackAndDropsADatabase(@Postgres TestServer server) {
        String name = server.createDatabase();

        Mono<String> fromCatalog = Mono.usingWhen(Mono.from(server.connectionFactory("postgres").create()),
                connection -> Flux.from(connection.createStatement("SELECT datname FROM pg_database WHERE datname = $1")
                                .bind("$1", name).execute())
                        .flatMap(result -> result.map((row, meta) -> row.get("datname", String.class)))
                        .single(),
                Connection::close);
        StepVerifier.create(fromCatalog).expectNext(name).verifyComplete();

        server.execute(name, "CREATE TABLE probe (id int PRIMARY KEY)");
        assertThat(server.query(name, "SELECT current_database() AS db, count(*) AS tables FROM pg_tables WHERE tablename = 'probe'"))
                .containsExactly(Map.of("db", name, "tables", 1L));

        server.dropDatabase(name);
        assertThat(server.query(null, "SELECT datname FROM pg_database WHERE datname = '" + name + "'")).isEmpty();
    }

    @Test
    void databasesLeftByATestAreDroppedAfterIt(@Postgres TestServer server) {
        String first = server.createDatabase();
        String second = server.createDatabase();
        assertThat(first).isNotEqualTo(second);

        server.close();

        List<Map<String, Object>> left = server.query(null,
                "SELECT datname FROM pg_database WHERE datname IN ('" + first + "', '" + second + "')");
        assertThat(left).isEmpty();
    }
}
