package dev.dbsurveyor.adapter;

import dev.dbsurveyor.adapter.mysql.MySqlAdapter;
import dev.dbsurveyor.adapter.postgres.PostgresAdapter;
import dev.dbsurveyor.adapter.sqlite.SqliteAdapter;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.server.ServerTarget;

/** The adapter for the engine a target names. */
public final class DatabaseAdapters {

    private DatabaseAdapters() {
    }

    /** The adapter for {@code target}'s engine; nothing connects until one of its methods is subscribed to. */
    public static DatabaseAdapter create(ServerTarget target, ConnectionConfig config) {
        return switch (target.engine()) {
            case POSTGRESQL -> PostgresAdapter.create(target, config);
            case MYSQL -> MySqlAdapter.create(target, config);
            case SQLITE -> SqliteAdapter.create(target, config);
        };
    }
}
