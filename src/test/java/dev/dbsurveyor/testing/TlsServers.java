package dev.dbsurveyor.testing;

import java.util.List;
import java.util.Map;

/**
 * The servers of the TLS tests, per engine: the harness's own server, which runs without TLS,
 * and the private TLS servers of {@link TlsPostgresServers} and {@link TlsMariaDbServers}, each
 * as its administrator's endpoint.
 */
public final class TlsServers {

    private TlsServers() {
    }

    /** The harness's server of {@code engine}, checked to run without TLS. */
    public static ServerEndpoint withoutTls(Engine engine) {
        ServerLocator.Located located = ServerLocator.locate(engine);
        ServerEndpoint endpoint = located.endpoint().orElseThrow(() -> new AssertionError(located.problem()));
        List<Map<String, Object>> rows = BlockingSql.query(endpoint.options(null), engine == Engine.POSTGRES
                ? "SELECT setting AS v FROM pg_settings WHERE name = 'ssl'"
                : "SELECT @@have_ssl AS v");
        String setting = String.valueOf(rows.get(0).get("v"));
        if (!setting.equalsIgnoreCase("off") && !setting.equalsIgnoreCase("DISABLED")) {
            throw new AssertionError(endpoint + " runs with TLS (" + setting + "): the TLS tests need a server without it");
        }
        return endpoint;
    }

    /** The administrator's endpoint of the private TLS server of {@code engine} that shows {@code certificate}. */
    public static ServerEndpoint withTls(Engine engine, TlsPostgresServers.Certificate certificate) {
        return engine == Engine.POSTGRES
                ? TlsPostgresServers.endpoint(certificate)
                : TlsMariaDbServers.shared(certificate).endpoint();
    }
}
