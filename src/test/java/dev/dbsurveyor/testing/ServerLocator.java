package dev.dbsurveyor.testing;

import io.r2dbc.spi.ConnectionFactoryOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a server of each engine for the integration tests, once per JVM, in this order: an
 * explicit URL from the environment; Testcontainers when a Docker engine answers; the local
 * server on its standard port; for PostgreSQL, embedded binaries.
 */
final class ServerLocator {

    private static final Map<Engine, Located> LOCATED = new EnumMap<>(Engine.class);

    /** A found server, or the reasons nothing was found. */
    record Located(Optional<ServerEndpoint> endpoint, String problem) {
    }

    private ServerLocator() {
    }

    static synchronized Located locate(Engine engine) {
        return LOCATED.computeIfAbsent(engine, ServerLocator::search);
    }

    private static Located search(Engine engine) {
        List<String> tried = new ArrayList<>();
        String url = System.getenv(engine.urlVariable());
        if (url != null && !url.isBlank()) {
            ServerEndpoint endpoint = fromUrl(engine, url);
            return answering(endpoint, Duration.ofSeconds(30))
                    .orElseGet(() -> missing(engine, List.of(engine.urlVariable() + " is set, but " + endpoint + " does not answer")));
        }
        tried.add(engine.urlVariable() + " is not set");

        if (ContainerServers.dockerAvailable()) {
            try {
                ServerEndpoint endpoint = ContainerServers.start(engine).orElseThrow();
                Optional<Located> located = answering(endpoint, Duration.ofSeconds(90));
                if (located.isPresent()) {
                    return located.get();
                }
                tried.add(endpoint + " started but does not answer");
            } catch (RuntimeException e) {
                tried.add("Testcontainers failed: " + e.getMessage());
            }
        } else {
            tried.add("no Docker engine answers");
        }

        ServerEndpoint local = new ServerEndpoint(engine, "127.0.0.1", engine.localPort(), engine.localUser(), "", "local server");
        Optional<Located> localServer = answering(local, Duration.ofSeconds(3));
        if (localServer.isPresent()) {
            return localServer.get();
        }
        tried.add("nothing answers at 127.0.0.1:" + engine.localPort() + " as " + engine.localUser());

        if (engine == Engine.POSTGRES) {
            try {
                List<String> versions = EmbeddedPostgresServer.availableVersions();
                EmbeddedPostgresServer embedded = EmbeddedPostgresServer.shared(versions.get(versions.size() - 1));
                return answering(embedded.endpoint(), Duration.ofSeconds(30))
                        .orElseGet(() -> missing(engine, List.of("embedded PostgreSQL started but does not answer")));
            } catch (RuntimeException e) {
                tried.add("embedded PostgreSQL did not start: " + e.getMessage());
            }
        }
        return missing(engine, tried);
    }

    private static Optional<Located> answering(ServerEndpoint endpoint, Duration patience) {
        return BlockingSql.awaitAnswer(endpoint.options(null), patience)
                ? Optional.of(new Located(Optional.of(endpoint), null))
                : Optional.empty();
    }

    private static Located missing(Engine engine, List<String> tried) {
        String example = engine == Engine.POSTGRES ? "postgresql://user:password@host:5432" : "mysql://user:password@host:3306";
        return new Located(Optional.empty(), "No " + engine.label() + " server for the integration tests ("
                + String.join("; ", tried) + "). Set " + engine.urlVariable() + "=" + example
                + ", start a Docker engine, or start the local server as the README says.");
    }

    /** Reads {@code postgresql://}, {@code postgres://}, {@code mysql://}, {@code mariadb://} or {@code r2dbc:} URLs. */
    static ServerEndpoint fromUrl(Engine engine, String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            throw new IllegalArgumentException(engine.urlVariable() + " must be a URL such as " + engine.driver() + "://user@host:port");
        }
        String rest = url.substring(scheme + 3);
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse("r2dbc:" + engine.driver() + "://" + rest);
        Object port = options.getValue(ConnectionFactoryOptions.PORT);
        Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
        Object user = options.getValue(ConnectionFactoryOptions.USER);
        return new ServerEndpoint(engine,
                String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.HOST)),
                port == null ? engine.localPort() : Integer.parseInt(port.toString()),
                user == null ? engine.localUser() : user.toString(),
                password == null ? "" : password.toString(),
                engine.urlVariable());
    }
}
