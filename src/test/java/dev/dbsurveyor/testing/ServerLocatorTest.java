package dev.dbsurveyor.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerLocatorTest {

    @Test
    void readsLibpqStyleAndR2dbcUrls() {
        ServerEndpoint postgres = ServerLocator.fromUrl(Engine.POSTGRES, "postgresql://alice:s%40cret@db.local:6543/ignored");
        assertThat(postgres.host()).isEqualTo("db.local");
        assertThat(postgres.port()).isEqualTo(6543);
        assertThat(postgres.user()).isEqualTo("alice");
        assertThat(postgres.password()).isEqualTo("s@cret");

        ServerEndpoint mysql = ServerLocator.fromUrl(Engine.MYSQL, "r2dbc:mariadb://root@127.0.0.1");
        assertThat(mysql.port()).isEqualTo(3306);
        assertThat(mysql.password()).isEmpty();
        assertThat(mysql.options("x").getRequiredValue(io.r2dbc.spi.ConnectionFactoryOptions.DRIVER)).isEqualTo("mysql");
    }

    @Test
    void endpointNeverPrintsItsPassword() {
        ServerEndpoint endpoint = ServerLocator.fromUrl(Engine.POSTGRES, "postgres://alice:hunter2@db.local/x");

        assertThat(endpoint.toString()).contains("alice", "db.local").doesNotContain("hunter2");
    }

    @Test
    void rejectsSomethingThatIsNotAUrlWithoutEchoingIt() {
        assertThatThrownBy(() -> ServerLocator.fromUrl(Engine.POSTGRES, "alice:hunter2"))
                .hasMessageContaining("DBSURVEYOR_TEST_POSTGRES_URL").hasMessageNotContaining("hunter2");
    }
}
