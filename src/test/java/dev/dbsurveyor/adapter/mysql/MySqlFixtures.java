package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.ServerEndpoint;
import dev.dbsurveyor.testing.TestServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Shared helpers of the MySQL adapter tests: fixtures, adapters for a test server, lookups in a document. */
final class MySqlFixtures {

    /** No password variables: only what the URL says. */
    static final Environment NO_ENVIRONMENT = new Environment(Map.of(), Path.of("/nonexistent"));

    private MySqlFixtures() {
    }

    /** Runs a fixture file's statements (separated by lines holding only {@code //}) in {@code database}. */
    static void load(TestServer server, String database, String name) {
        try (InputStream in = MySqlFixtures.class.getResourceAsStream("/fixtures/mysql/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] statements = Arrays.stream(text.split("\n//\n"))
                    .map(statement -> statement.lines().filter(line -> !line.startsWith("--")).reduce((a, b) -> a + "\n" + b).orElse(""))
                    .filter(statement -> !statement.isBlank())
                    .toArray(String[]::new);
            server.execute(database, statements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServerTarget target(ServerEndpoint endpoint) {
        return ServerTarget.parse(endpoint.url(), NO_ENVIRONMENT);
    }

    static MySqlAdapter adapter(ServerEndpoint endpoint) {
        return MySqlAdapter.create(target(endpoint), ConnectionConfig.defaults());
    }

    static boolean isMariaDb(TestServer server) {
        return server.version().contains("MariaDB");
    }

    static Table table(DatabaseSchema document, String name) {
        return document.tables().stream().filter(t -> name.equals(t.name())).findFirst()
                .orElseThrow(() -> new AssertionError("No table " + name));
    }

    static Column column(Table table, String name) {
        return table.columns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No column " + name + " in " + table.name()));
    }
}
