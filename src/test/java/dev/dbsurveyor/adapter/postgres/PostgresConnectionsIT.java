package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.ServerType;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions, pooling, enumeration and server info against a real PostgreSQL. */
class PostgresConnectionsIT {

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    private static String uniqueApplicationName() {
        return "dbsurveyor_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static PostgresAdapter adapter(TestServer server, String database, String applicationName, ConnectionConfig config) {
        ServerTarget target = ServerTarget.parse(server.endpoint().url() + "/" + database + "?application_name=" + applicationName,
                PostgresFixtures.NO_ENVIRONMENT);
        return PostgresAdapter.create(target, config);
    }

    private static long serverConnections(TestServer server, String applicationName) {
        return (Long) server.query(null, "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = '" + applicationName + "'")
                .get(0).get("n");
    }

    private static List<String> run(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map(row -> String.valueOf(row.get(0))))
                .collectList().block();
    }

    @Test
    void everySessionIsReadOnlyWithTheCollectorsSettings(@Postgres TestServer server) {
        String database = server.createDatabase();
        String applicationName = uniqueApplicationName();
        PostgresAdapter adapter = adapter(server, database, applicationName,
                ConnectionConfig.builder().statementTimeout(Duration.ofSeconds(12)).build());
        try {
            Connection connection = adapter.acquire().block();
            try {
                assertThat(run(connection, "SHOW default_transaction_read_only")).containsExactly("on");
                assertThat(run(connection, "SHOW statement_timeout")).containsExactly("12s");
                assertThat(run(connection, "SHOW lock_timeout")).containsExactly("5s");
                assertThat(run(connection, "SHOW idle_in_transaction_session_timeout")).containsExactly("24s");
                assertThat(run(connection, "SHOW TimeZone")).containsExactly("UTC");
                assertThat(run(connection, "SHOW application_name")).containsExactly(applicationName);
                assertThat(run(connection, "SELECT current_database()")).containsExactly(database);

                assertThatThrownBy(() -> run(connection, "CREATE TABLE refused (id int)"))
                        .isInstanceOf(R2dbcException.class)
                        .satisfies(error -> assertThat(((R2dbcException) error).getSqlState()).isEqualTo("25006"));
            } finally {
                Mono.from(connection.close()).block();
            }
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void applicationNameDefaultsToDbsurveyor(@Postgres TestServer server) {
        PostgresAdapter adapter = PostgresFixtures.adapter(server.endpoint());
        try {
            Connection connection = adapter.acquire().block();
            assertThat(run(connection, "SHOW application_name")).containsExactly("dbsurveyor");
            Mono.from(connection.close()).block();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void anExhaustedPoolFailsTheNextAcquireAfterTheAcquireTimeout(@Postgres TestServer server) {
        String applicationName = uniqueApplicationName();
        PostgresAdapter adapter = adapter(server, "postgres", applicationName, ConnectionConfig.builder()
                .maxConnections(2).minIdleConnections(0).acquireTimeout(Duration.ofMillis(700)).build());
        try {
            Connection first = adapter.acquire().block();
            Connection second = adapter.acquire().block();
            assertThat(adapter.poolStats().acquired()).isEqualTo(2);

            long started = System.nanoTime();
            StepVerifier.create(adapter.acquire()).expectError(R2dbcTimeoutException.class).verify(Duration.ofSeconds(30));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));

            StepVerifier.create(adapter.collect("postgres"))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(R2dbcTimeoutException.class)
                            .hasMessageContaining("all 2 allowed connections are in use"))
                    .verify(Duration.ofSeconds(30));
            assertThat(serverConnections(server, applicationName)).isEqualTo(2);

            Mono.from(first.close()).block();
            Mono.from(second.close()).block();
            assertThat(adapter.poolStats().acquired()).isZero();
        } finally {
            adapter.close().block();
        }
        assertThat(serverConnections(server, applicationName)).isZero();
    }

    @Test
    void idleConnectionsAreKeptAtMinIdleAndAllCloseWithTheAdapter(@Postgres TestServer server) {
        String applicationName = uniqueApplicationName();
        PostgresAdapter adapter = adapter(server, "postgres", applicationName, ConnectionConfig.builder()
                .maxConnections(5).minIdleConnections(2).build());
        try {
            Connection connection = adapter.acquire().block();
            run(connection, "SELECT 1");
            Mono.from(connection.close()).block();

            StepVerifier.create(Mono.fromSupplier(() -> adapter.poolStats())
                            .filter(stats -> stats.idle() == 2)
                            .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(50)).take(100)))
                    .assertNext(stats -> assertThat(stats.open()).isEqualTo(2))
                    .verifyComplete();
            assertThat(serverConnections(server, applicationName)).isEqualTo(2);
        } finally {
            adapter.close().block();
        }
        assertThat(serverConnections(server, applicationName)).isZero();
    }

    @Test
    void enumerationReportsEveryDatabaseAndWhichTheRoleMayConnectTo(@Postgres TestServer server) {
        String open = server.createDatabase();
        String closed = server.createDatabase();
        server.execute(null, "REVOKE CONNECT ON DATABASE " + server.engine().quote(closed) + " FROM PUBLIC");
        String role = server.createRole("enumerate-pw");
        ServerTarget target = ServerTarget.parse(server.endpoint().url().replaceFirst("://[^@]*@",
                "://" + role + ":enumerate-pw@"), PostgresFixtures.NO_ENVIRONMENT);
        PostgresAdapter adapter = PostgresAdapter.create(target, ConnectionConfig.defaults());
        try {
            Map<String, EnumeratedDatabase> databases = adapter.enumerate().collectMap(EnumeratedDatabase::name).block();

            assertThat(databases.get(open).isAccessible()).isTrue();
            assertThat(databases.get(open).sizeBytes()).isPositive();
            assertThat(databases.get(open).isSystemDatabase()).isFalse();
            assertThat(databases.get(open).encoding()).isEqualTo("UTF8");
            assertThat(databases.get(closed).isAccessible()).isFalse();
            assertThat(databases.get(closed).sizeBytes()).isNull();
            assertThat(databases.get("template0").isSystemDatabase()).isTrue();
            assertThat(databases.get("template0").isAccessible()).isFalse();
            assertThat(databases.get("template1").isSystemDatabase()).isTrue();

            ServerInfo info = adapter.serverInfo().block();
            assertThat(info.serverType()).isEqualTo(ServerType.POSTGRESQL);
            assertThat(info.connectionUser()).isEqualTo(role);
            assertThat(info.hasSuperuserPrivileges()).isFalse();
            assertThat(info.versionNumber()).isGreaterThanOrEqualTo(130000);
            assertThat(info.versionDetails()).startsWith("PostgreSQL");
            assertThat(info.host()).isEqualTo(server.endpoint().host());
            assertThat(info.port()).isEqualTo(server.endpoint().port());
            assertThat(info.totalDatabases()).isEqualTo(databases.size());
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aSuperuserIsReportedAsOne(@Postgres TestServer server) {
        PostgresAdapter adapter = PostgresFixtures.adapter(server.endpoint());
        try {
            assertThat(adapter.serverInfo().block().hasSuperuserPrivileges()).isTrue();
        } finally {
            adapter.close().block();
        }
    }

    static void holdLock(Connection connection, String sql) {
        Flux.from(connection.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).blockLast();
    }
}
