package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.ServerEndpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Shared helpers of the PostgreSQL adapter tests: fixtures, adapters for a test server, lookups in a document. */
final class PostgresFixtures {

    /** No password variables and no ~/.pgpass: only what the URL says. */
    static final Environment NO_ENVIRONMENT = new Environment(Map.of(), Path.of("/nonexistent"));

    private PostgresFixtures() {
    }

    static String sql(String name) {
        try (InputStream in = PostgresFixtures.class.getResourceAsStream("/fixtures/postgres/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServerTarget target(ServerEndpoint endpoint) {
        return ServerTarget.parse(endpoint.url(), NO_ENVIRONMENT);
    }

    static PostgresAdapter adapter(ServerEndpoint endpoint) {
        return adapter(endpoint, ConnectionConfig.defaults());
    }

    static PostgresAdapter adapter(ServerEndpoint endpoint, ConnectionConfig config) {
        return PostgresAdapter.create(target(endpoint), config);
    }

    static Table table(DatabaseSchema document, String schema, String name) {
        return document.tables().stream().filter(t -> schema.equals(t.schema()) && name.equals(t.name())).findFirst()
                .orElseThrow(() -> new AssertionError("No table " + schema + "." + name));
    }

    static Column column(Table table, String name) {
        return table.columns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No column " + name + " in " + table.name()));
    }
}
