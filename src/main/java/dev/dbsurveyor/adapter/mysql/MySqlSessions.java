package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.adapter.ClientTls;
import dev.dbsurveyor.adapter.TransportSecurity;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.server.Secret;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.server.TlsMode;
import io.asyncer.r2dbc.mysql.MySqlConnectionConfiguration;
import io.asyncer.r2dbc.mysql.MySqlConnectionFactory;
import io.asyncer.r2dbc.mysql.constant.SslMode;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Connection factories for one MySQL or MariaDB server, all with the same settings: in UTC, TLS
 * as the URL's {@code sslmode} says ({@code prefer} by default, as the mysql client does), judged
 * by {@link ClientTls} as libpq would, never by the driver. Reads are made read-only and
 * time-limited statement by statement (see {@link MySqlCatalogReader}), so a session carries no
 * setting that a connection of a caller's pool would keep.
 */
final class MySqlSessions implements Function<String, ConnectionFactory> {

    /** How r2dbc-mysql words a server without TLS under a mode that insists (its {@code HandshakeExchangeable}). */
    private static final String NO_TLS = "Server does not support SSL";

    private final ServerTarget target;
    private final ConnectionConfig config;
    private final ClientTls tls;

    MySqlSessions(ServerTarget target, ConnectionConfig config) {
        this.target = target;
        this.config = config;
        this.tls = new ClientTls(target.tls());
    }

    ClientTls tls() {
        return tls;
    }

    /** @param database the database to connect to, or null for none (the catalog is server-wide) */
    @Override
    public ConnectionFactory apply(String database) {
        MySqlConnectionConfiguration.Builder builder = MySqlConnectionConfiguration.builder()
                .host(target.resolvedAddress())
                .port(target.port())
                .user(target.user())
                .connectTimeout(config.connectTimeout())
                .connectionTimeZone("UTC")
                .forceConnectionTimeZoneToSession(true)
                .tcpKeepAlive(true)
                .autodetectExtensions(false)
                .sslMode(sslMode(target.tls().mode()));
        if (database != null) {
            builder.database(database);
        }
        target.passwordFor(database).map(Secret::reveal).ifPresent(builder::password);
        if (target.tls().mode() != TlsMode.DISABLE) {
            builder.sslContextBuilderCustomizer(tls::configure);
        }
        return tls.explainingRefusals(MySqlConnectionFactory.from(builder.build()), MySqlSessions::noTlsOffered, error -> Optional.empty());
    }

    /**
     * The driver's mode: whether it asks for TLS and whether it gives up without it. Every mode
     * that checks certificates is {@code REQUIRED} to the driver, since {@link ClientTls} checks
     * them; {@code allow} is plaintext, as MySQL has no plaintext-then-TLS retry.
     */
    private static SslMode sslMode(TlsMode mode) {
        return switch (mode) {
            case DISABLE, ALLOW -> SslMode.DISABLED;
            case PREFER -> SslMode.PREFERRED;
            case REQUIRE, VERIFY_CA, VERIFY_FULL -> SslMode.REQUIRED;
        };
    }

    private static boolean noTlsOffered(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcPermissionDeniedException && cause.getMessage() != null && cause.getMessage().startsWith(NO_TLS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the session is encrypted, as the server reports it ({@code Ssl_version},
     * {@code Ssl_cipher}), with the certificate the client was last shown ({@code seen}).
     */
    static Mono<TransportSecurity> transportSecurity(Connection connection, Supplier<List<TransportSecurity.Certificate>> seen) {
        return Flux.from(connection.createStatement("SHOW SESSION STATUS LIKE 'Ssl\\_%'").execute())
                .concatMap(result -> result.map(row -> Map.entry(row.get(0, String.class), String.valueOf(row.get(1, String.class)))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(status -> {
                    String cipher = status.getOrDefault("Ssl_cipher", "");
                    return cipher.isEmpty() || cipher.equals("null") ? new TransportSecurity.Plaintext()
                            : new TransportSecurity.Encrypted(status.getOrDefault("Ssl_version", ""), cipher, seen.get());
                });
    }
}
