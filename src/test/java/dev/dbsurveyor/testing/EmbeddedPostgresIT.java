package dev.dbsurveyor.testing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL binaries of every major the build provides start and serve R2DBC. */
class EmbeddedPostgresIT {

    static List<String> versions() {
        return EmbeddedPostgresServer.availableVersions();
    }

    @ParameterizedTest
    @MethodSource("versions")
    void embeddedServerStartsAndAnswersOverR2dbc(String version) {
        try (TestServer server = new TestServer(EmbeddedPostgresServer.shared(version).endpoint())) {
            String name = server.createDatabase();

            assertThat(server.query(name, "SELECT current_database() AS db, current_setting('server_version_num')::int / 10000 AS major"))
                    .containsExactly(Map.of("db", name, "major", Integer.parseInt(version.split("\\.")[0])));
        }
    }
}
