package dev.dbsurveyor.adapter;

import dev.dbsurveyor.adapter.postgres.PostgresAdapter;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.target.ServerTarget;

/** The adapter for the engine a target names. */
public final class DatabaseAdapters {

    private DatabaseAdapters() {
    }

    /** @throws ConfigurationException when the target's engine has no adapter yet */
    public static DatabaseAdapter create(ServerTarget target, ConnectionConfig config) {
        return switch (target.engine()) {
            case POSTGRESQL -> PostgresAdapter.create(target, config);
            case MYSQL -> throw new ConfigurationException("MySQL and MariaDB servers are not supported yet");
        };
    }
}
