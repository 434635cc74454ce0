package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.server.ServerTarget;
import io.asyncer.r2dbc.mysql.MySqlConnectionConfiguration;
import io.asyncer.r2dbc.mysql.MySqlConnectionFactory;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;

/** Plain R2DBC connections for setting workloads up and for the baselines: none of dbsurveyor's session settings. */
final class PlainConnections {

    private PlainConnections() {
    }

    static ConnectionFactory to(ServerTarget target, String database) {
        PostgresqlConnectionConfiguration.Builder builder = PostgresqlConnectionConfiguration.builder()
                .host(target.host()).port(target.port()).username(target.user()).database(database)
                .applicationName("dbsurveyor-benchmark");
        target.passwordFor(database).ifPresent(secret -> builder.password(secret.reveal()));
        return new PostgresqlConnectionFactory(builder.build());
    }

    /** A MySQL or MariaDB connection, to {@code database} or, when null, to none. */
    static ConnectionFactory toMySql(ServerTarget target, String database) {
        MySqlConnectionConfiguration.Builder builder = MySqlConnectionConfiguration.builder()
                .host(target.host()).port(target.port()).user(target.user());
        if (database != null) {
            builder.database(database);
        }
        target.passwordFor(database).ifPresent(secret -> builder.password(secret.reveal()));
        return MySqlConnectionFactory.from(builder.build());
    }
}
