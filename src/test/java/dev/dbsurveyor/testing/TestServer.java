package dev.dbsurveyor.testing;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real server handed to one test. Databases it creates have unique names and are dropped when
 * the test ends, whatever its outcome.
 */
public final class TestServer implements AutoCloseable {

    private final ServerEndpoint endpoint;
    private final List<String> created = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();

    public TestServer(ServerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public Engine engine() {
        return endpoint.engine();
    }

    public ServerEndpoint endpoint() {
        return endpoint;
    }

    public ConnectionFactoryOptions options(String database) {
        return endpoint.options(database);
    }

    public ConnectionFactory connectionFactory(String database) {
        return ConnectionFactories.get(options(database));
    }

    /** Creates a database with a fresh unique name, dropped after the test. */
    public String createDatabase() {
        String name = "dbsurveyor_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return createDatabase(name);
    }

    /** Creates a database with a given name (which may need quoting), dropped after the test. */
    public String createDatabase(String name) {
        created.add(name);
        execute(null, "CREATE DATABASE " + engine().quote(name));
        return name;
    }

    /** Creates a database as a copy of {@code template} (which nobody may be connected to), dropped after the test. */
    public String createDatabase(String name, String template) {
        created.add(name);
        execute(null, "CREATE DATABASE " + engine().quote(name) + " TEMPLATE " + engine().quote(template));
        return name;
    }

    /** A fresh unique name for a database or another object, starting with {@code prefix}. */
    public static String uniqueName(String prefix) {
        return prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    public void dropDatabase(String name) {
        String drop = "DROP DATABASE IF EXISTS " + engine().quote(name);
        execute(null, engine() == Engine.POSTGRES ? drop + " WITH (FORCE)" : drop);
        created.remove(name);
    }

    /**
     * Creates a login role (a user, on MySQL) with a fresh unique name and the given password,
     * dropped after the test; returns its name.
     */
    public String createRole(String password) {
        String name = "dbsurveyor_role_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        roles.add(name);
        String literal = "'" + password.replace("'", "''") + "'";
        execute(null, engine() == Engine.POSTGRES
                ? "CREATE ROLE " + engine().quote(name) + " LOGIN PASSWORD " + literal
                : "CREATE USER '" + name + "'@'%' IDENTIFIED BY " + literal);
        return name;
    }

    /** Runs statements in a database (null: the server's default database) as the administrative user. */
    public void execute(String database, String... statements) {
        BlockingSql.execute(options(database), statements);
    }

    public List<Map<String, Object>> query(String database, String sql) {
        return BlockingSql.query(options(database), sql);
    }

    /** The server's version string as it reports it. */
    public String version() {
        return String.valueOf(query(null, "SELECT version() AS v").get(0).get("v"));
    }

    @Override
    public void close() {
        for (String name : List.copyOf(created)) {
            dropDatabase(name);
        }
        for (String role : List.copyOf(roles)) {
            execute(null, engine() == Engine.POSTGRES
                    ? "DROP ROLE IF EXISTS " + engine().quote(role)
                    : "DROP USER IF EXISTS '" + role + "'@'%'");
            roles.remove(role);
        }
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
