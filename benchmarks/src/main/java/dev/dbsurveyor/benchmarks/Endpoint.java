package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.server.EngineFamily;
import dev.dbsurveyor.server.ServerTarget;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Where contenders connect (the latency proxy) and as whom. Connections go without TLS, so that
 * the proxy can count what the server answers, and the same way for every contender.
 */
record Endpoint(EngineFamily engine, String host, int port, String user, String password) {

    static Endpoint through(ServerTarget server, String host, int port) {
        return new Endpoint(server.engine(), host, port, server.user(),
                server.passwordFor(null).map(secret -> secret.reveal()).orElse(null));
    }

    boolean postgres() {
        return engine == EngineFamily.POSTGRESQL;
    }

    /** dbsurveyor's URL of the server, without a database. */
    ServerTarget target() {
        String credentials = encode(user) + (password == null ? "" : ":" + encode(password));
        return ServerTarget.parse((postgres() ? "postgresql://" : "mysql://") + credentials + "@" + host + ":" + port + "?sslmode=disable");
    }

    /** A JDBC URL for one database (MySQL: null for none). */
    String jdbcUrl(String database) {
        return postgres()
                ? "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=disable&gssEncMode=disable&ApplicationName=dbsurveyor-benchmark"
                : "jdbc:mariadb://" + host + ":" + port + "/" + (database == null ? "" : database) + "?useSsl=false";
    }

    Properties jdbcCredentials() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
