package dev.dbsurveyor.testing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's last resort for PostgreSQL, embedded binaries of another major version than the
 * local server, starts and serves R2DBC.
 */
class EmbeddedPostgresIT {

    @Test
    void embeddedServerStartsAndAnswersOverR2dbc() {
        try (EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start();
             TestServer server = new TestServer(embedded.endpoint())) {
            String name = server.createDatabase();

            assertThat(server.query(name, "SELECT current_database() AS db, current_setting('server_version_num')::int / 10000 AS major"))
                    .containsExactly(Map.of("db", name, "major", 17));
        }
    }
}
