package dev.dbsurveyor.testing;

import org.junit.jupiter.api.Named;

import java.util.ArrayList;
import java.util.List;

/**
 * Every PostgreSQL the adapter tests run on: the harness's server (an explicit URL, a container
 * or the local server) and the embedded binaries of each other major the build provides.
 */
public final class PostgresServers {

    private PostgresServers() {
    }

    /** For {@code @MethodSource}: each server named for the test report. */
    public static List<Named<ServerEndpoint>> all() {
        List<Named<ServerEndpoint>> servers = new ArrayList<>();
        ServerLocator.Located located = ServerLocator.locate(Engine.POSTGRES);
        located.endpoint().ifPresent(endpoint -> servers.add(Named.of(endpoint.source(), endpoint)));
        if (located.endpoint().isEmpty() && TestServerExtension.inCi()) {
            throw new AssertionError(located.problem());
        }
        for (String version : EmbeddedPostgresServer.availableVersions()) {
            ServerEndpoint endpoint = EmbeddedPostgresServer.shared(version).endpoint();
            if (servers.stream().noneMatch(named -> named.getPayload().equals(endpoint))) {
                servers.add(Named.of(endpoint.source(), endpoint));
            }
        }
        return servers;
    }
}
