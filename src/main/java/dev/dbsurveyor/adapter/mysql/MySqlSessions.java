package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.server.Secret;
import dev.dbsurveyor.server.ServerTarget;
import io.asyncer.r2dbc.mysql.MySqlConnectionConfiguration;
import io.asyncer.r2dbc.mysql.MySqlConnectionFactory;
import io.asyncer.r2dbc.mysql.constant.SslMode;
import io.r2dbc.spi.ConnectionFactory;

import java.util.function.Function;

/**
 * Connection factories for one MySQL or MariaDB server, all with the same settings: in UTC, TLS
 * as the URL's {@code sslmode} says ({@code prefer} by default, as the mysql client does). Reads
 * are made read-only and time-limited statement by statement (see {@link MySqlCatalogReader}), so a
 * session carries no setting that a connection of a caller's pool would keep.
 */
final class MySqlSessions implements Function<String, ConnectionFactory> {

    private final ServerTarget target;
    private final ConnectionConfig config;

    MySqlSessions(ServerTarget target, ConnectionConfig config) {
        this.target = target;
        this.config = config;
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
                .sslMode(sslMode());
        if (database != null) {
            builder.database(database);
        }
        target.passwordFor(database).map(Secret::reveal).ifPresent(builder::password);
        target.option("sslrootcert").ifPresent(builder::sslCa);
        target.option("sslcert").ifPresent(builder::sslCert);
        target.option("sslkey").ifPresent(builder::sslKey);
        return MySqlConnectionFactory.from(builder.build());
    }


    private SslMode sslMode() {
        return switch (target.option("sslmode").orElse("prefer")) {
            case "disable" -> SslMode.DISABLED;
            case "require" -> SslMode.REQUIRED;
            case "verify-ca" -> SslMode.VERIFY_CA;
            case "verify-full" -> SslMode.VERIFY_IDENTITY;
            default -> SslMode.PREFERRED;
        };
    }
}
