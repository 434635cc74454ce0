package dev.dbsurveyor.testing;

import io.r2dbc.spi.ConnectionFactoryOptions;

import java.time.Duration;

import static io.r2dbc.spi.ConnectionFactoryOptions.CONNECT_TIMEOUT;
import static io.r2dbc.spi.ConnectionFactoryOptions.DATABASE;
import static io.r2dbc.spi.ConnectionFactoryOptions.DRIVER;
import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;

/**
 * Where a test server answers and as whom, plus how it was found ({@code source}). Its
 * {@code toString} never shows the password.
 */
public record ServerEndpoint(Engine engine, String host, int port, String user, String password, String source) {

    /** R2DBC options for one database of this server; a null database means the engine's default. */
    public ConnectionFactoryOptions options(String database) {
        ConnectionFactoryOptions.Builder builder = ConnectionFactoryOptions.builder()
                .option(DRIVER, engine.driver())
                .option(HOST, host)
                .option(PORT, port)
                .option(USER, user)
                .option(CONNECT_TIMEOUT, Duration.ofSeconds(10));
        if (password != null && !password.isEmpty()) {
            builder.option(PASSWORD, password);
        }
        String target = database != null ? database : engine == Engine.POSTGRES ? "postgres" : null;
        if (target != null) {
            builder.option(DATABASE, target);
        }
        return builder.build();
    }

    /** The endpoint as a server URL for dbsurveyor, such as {@code postgresql://postgres:secret@127.0.0.1:5432}. */
    public String url() {
        String scheme = engine == Engine.POSTGRES ? "postgresql" : "mysql";
        String credentials = password == null || password.isEmpty()
                ? encode(user) : encode(user) + ":" + encode(password);
        return scheme + "://" + credentials + "@" + host + ":" + port;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return engine.label() + " at " + host + ":" + port + " as " + user + " (" + source + ")";
    }
}
