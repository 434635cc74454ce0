package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.ClientTls;
import dev.dbsurveyor.adapter.TransportSecurity;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.server.Secret;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.server.TlsMode;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Connection factories for the databases of one PostgreSQL server, all with the same settings;
 * the database is a connection option, never part of a URL string. Every session is read-only,
 * in UTC, with statement, lock and idle-in-transaction timeouts, without JIT, and says it is
 * dbsurveyor. TLS is as {@link ClientTls} configures it: the driver is told only whether to ask
 * for TLS and whether to insist, and never checks a certificate itself.
 */
final class PostgresSessions implements Function<String, ConnectionFactory> {

    /** How r2dbc-postgresql words a server's "N" to the TLS request under a mode that insists (its {@code SSLSessionHandlerAdapter}). */
    private static final String NO_TLS = "Server support for SSL connection is disabled";

    private final ServerTarget target;
    private final ConnectionConfig config;
    private final ClientTls tls;

    PostgresSessions(ServerTarget target, ConnectionConfig config) {
        this.target = target;
        this.config = config;
        this.tls = new ClientTls(target.tls());
    }

    ClientTls tls() {
        return tls;
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
                .sslMode(sslMode(target.tls().mode()))
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
        if (target.tls().mode() != TlsMode.DISABLE) {
            // The driver is given an address; the server is told the name, as libpq's sslsni=1 does.
            builder.sslContextBuilderCustomizer(tls::configure).sslSni(false).sslParameters(address -> tls.parameters());
        }
        return tls.explainingRefusals(new PostgresqlConnectionFactory(builder.build()), PostgresSessions::noTlsOffered,
                PostgresSessions::clientCertificateRefusal);
    }

    /**
     * The driver's mode: whether it asks for TLS and whether it gives up without it. Every mode
     * that checks certificates is {@code REQUIRE} to the driver, since {@link ClientTls} checks them.
     */
    private static SSLMode sslMode(TlsMode mode) {
        return switch (mode) {
            case DISABLE -> SSLMode.DISABLE;
            case ALLOW -> SSLMode.ALLOW;
            case PREFER -> SSLMode.PREFER;
            case REQUIRE, VERIFY_CA, VERIFY_FULL -> SSLMode.REQUIRE;
        };
    }

    private static boolean noTlsOffered(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcPermissionDeniedException && cause.getMessage() != null && cause.getMessage().contains(NO_TLS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The server's words when {@code pg_hba.conf} turned the client away for its certificate
     * (SQLSTATE 28000): "connection requires a valid client certificate", "certificate
     * authentication failed for user", or, for a {@code trust} line with
     * {@code clientcert=verify-full} whose certificate is for another name, {@code "trust"
     * authentication failed for user} (trust fails for nothing else; the server logs the reason).
     */
    private static Optional<String> clientCertificateRefusal(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && "28000".equals(r2dbc.getSqlState()) && r2dbc.getMessage() != null
                    && (r2dbc.getMessage().contains("certificate") || r2dbc.getMessage().startsWith("\"trust\" authentication failed"))) {
                return Optional.of(r2dbc.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the session is encrypted, as the server sees it ({@code pg_stat_ssl}), with the
     * certificate the client was last shown ({@code seen}, asked once the server has answered).
     */
    static Mono<TransportSecurity> transportSecurity(Connection connection, Supplier<List<TransportSecurity.Certificate>> seen) {
        return Flux.from(connection.createStatement("SELECT coalesce((SELECT CASE WHEN ssl THEN version || ' ' || cipher END "
                        + "FROM pg_catalog.pg_stat_ssl WHERE pid = pg_catalog.pg_backend_pid()), '') AS tls").execute())
                .concatMap(result -> result.map(row -> row.get(0, String.class)))
                .single()
                .map(text -> text.isEmpty() ? new TransportSecurity.Plaintext()
                        : new TransportSecurity.Encrypted(text.substring(0, text.indexOf(' ')), text.substring(text.indexOf(' ') + 1),
                        seen.get()));
    }
}
