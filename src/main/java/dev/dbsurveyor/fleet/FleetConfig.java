package dev.dbsurveyor.fleet;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;

/**
 * How a fleet is swept: one bound on databases in flight across all servers, the shard this run
 * takes, the settings every server starts from (its inventory entry says what differs), and the
 * environment its passwords come from.
 *
 * @param maxConcurrency databases in flight across the whole fleet; default {@value #DEFAULT_CONCURRENCY}
 * @param shard          the part of the fleet this run collects
 * @param connection     each server's connection settings where its inventory entry says nothing
 * @param sweep          each server's filters and sampling where its inventory entry says nothing
 * @param environment    where passwords are looked up: {@code DBSURVEYOR_PASSWORD_<LABEL>}, then as {@code collect} looks them up
 */
public record FleetConfig(int maxConcurrency, Shard shard, ConnectionConfig connection, MultiDatabaseConfig sweep, Environment environment) {

    /** Databases in flight across a fleet unless said otherwise. */
    public static final int DEFAULT_CONCURRENCY = 64;

    public FleetConfig {
        if (maxConcurrency < 1 || maxConcurrency > MultiDatabaseConfig.MOST_CONCURRENCY) {
            throw new ConfigurationException("max concurrency must be between 1 and " + MultiDatabaseConfig.MOST_CONCURRENCY + ", not "
                    + maxConcurrency);
        }
        if (shard == null || connection == null || sweep == null || environment == null) {
            throw new ConfigurationException("a fleet configuration needs its shard, connection and sweep settings and environment");
        }
    }

    /**
     * The whole fleet with the defaults, passwords from the process environment; no idle
     * connections are kept, since those of many servers in flight would add up for nothing.
     */
    public static FleetConfig defaults() {
        return new FleetConfig(DEFAULT_CONCURRENCY, Shard.whole(), ConnectionConfig.defaults().toBuilder().minIdleConnections(0).build(),
                MultiDatabaseConfig.defaults(), Environment.system());
    }
}
