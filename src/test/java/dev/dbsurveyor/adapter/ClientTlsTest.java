package dev.dbsurveyor.adapter;

import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.server.ServerTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SNIHostName;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What ClientTls tells the TLS engine of the server's name. */
class ClientTlsTest {

    @TempDir
    Path home;

    private ClientTls tls(String url) {
        return new ClientTls(ServerTarget.parse(url, new Environment(Map.of(), home)).tls());
    }

    @Test
    void aServerNamedByANameIsToldItsNameAsLibpqsSslsniDoes() {
        assertThat(tls("postgresql://u@db.example.com?sslmode=require").parameters().getServerNames())
                .containsExactly(new SNIHostName("db.example.com"));
        assertThat(tls("postgresql://u@localhost").parameters().getServerNames()).containsExactly(new SNIHostName("localhost"));
    }

    @Test
    void aServerNamedByAnAddressIsToldNoName() {
        assertThat(tls("postgresql://u@127.0.0.1?sslmode=require").parameters().getServerNames()).isNullOrEmpty();
        assertThat(tls("postgresql://u@[::1]?sslmode=require").parameters().getServerNames()).isNullOrEmpty();
    }
}
