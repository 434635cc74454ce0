package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.server.Secret;
import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.ConnectionFactory;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Connection factories for the databases of one PostgreSQL server, all with the same settings;
 * the database is a connection option, never part of a URL string. Every session is read-only,
 * in UTC, with statement, lock and idle-in-transaction timeouts, without JIT, and says it is dbsurveyor.
 */
final class PostgresSessions implements Function<String, ConnectionFactory> {

    private final ServerTarget target;
    private final ConnectionConfig config;

    PostgresSessions(ServerTarget target, ConnectionConfig config) {
        this.target = target;
        this.config = config;
    }

    @Override
    public ConnectionFactory apply(String database) {
        SessionLimits limits = SessionLimits.of(config);
        Duration statementTimeout = limits.statementTimeout();
        PostgresqlConnectionConfiguration.Builder builder = PostgresqlConnectionConfiguration.builder()
                .host(target.resolvedAddress())
                .port(target.port())
                .username(target.user())
                .database(database)
                .applicationName(target.option("application_name").orElse("dbsurveyor"))
                .connectTimeout(config.connectTimeout())
                .preparedStatementCacheQueries(0)
                // Extensions are found with a ServiceLoader (jar reads) on every factory: catalogs read as text need none.
                .autodetectExtensions(false)
                .sslMode(sslMode())
                .options(Map.of(
                        "default_transaction_read_only", "on",
                        "statement_timeout", Long.toString(statementTimeout.toMillis()),
                        "lock_timeout", Long.toString(limits.lockTimeout().toMillis()),
                        "idle_in_transaction_session_timeout", Long.toString(statementTimeout.multipliedBy(2).toMillis()),
                        "TimeZone", "UTC",
                        "search_path", "pg_catalog",
                        // JIT compiling a catalog query costs more than running it (300 ms on a 10,000-table catalog).
                        "jit", "off"));
        target.passwordFor(database).map(Secret::reveal).ifPresent(builder::password);
        target.option("sslrootcert").ifPresent(builder::sslRootCert);
        target.option("sslcert").ifPresent(builder::sslCert);
        target.option("sslkey").ifPresent(builder::sslKey);
        return new PostgresqlConnectionFactory(builder.build());
    }


    /** libpq's default is {@code prefer}: TLS when the server offers it. */
    private SSLMode sslMode() {
        return SSLMode.fromValue(target.option("sslmode").orElse("prefer"));
    }
}
