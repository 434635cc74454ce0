package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.model.MultiDatabaseOutput;
import dev.dbsurveyor.model.MultiDatabaseResult;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.Sweep;
import dev.dbsurveyor.sweep.SweepEvent;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.MySql;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.StatementRewriting;
import dev.dbsurveyor.testing.TestServer;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole sweeps of a MySQL or MariaDB server: batches, the connection budget, retries after a killed connection, a caller's factory. */
class MySqlSweepIT {

    private static final String PASSWORD = "sweep-pw";

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    private static List<String> databases(TestServer server, String prefix, int count, int tables) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            String name = server.createDatabase(prefix + String.format("%02d", i));
            StringBuilder sql = new StringBuilder();
            for (int t = 0; t < tables; t++) {
                sql.append("CREATE TABLE t").append(t).append(" (id INT PRIMARY KEY, label VARCHAR(20), KEY (label));\n");
            }
            server.execute(name, sql.toString());
            return name;
        }).toList();
    }

    /** A user of its own for the sweep, so that its connections can be told apart on the server. */
    private static String sweepUser(TestServer server) {
        String user = server.createRole(PASSWORD);
        server.execute(null, "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON *.* TO '" + user + "'@'%'");
        return user;
    }

    private static ServerTarget target(TestServer server, String user) {
        return ServerTarget.parse("mysql://" + user + ":" + PASSWORD + "@" + server.endpoint().host() + ":" + server.endpoint().port(),
                MySqlFixtures.NO_ENVIRONMENT);
    }

    private static long connectionsOf(TestServer server, String user) {
        return (Long) server.query(null, "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE USER = '" + user + "'")
                .get(0).get("n");
    }

    private static void assertNoConnectionWithin(TestServer server, String user, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (connectionsOf(server, user) > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        assertThat(connectionsOf(server, user)).as("connections of " + user + " left open").isZero();
    }

    @Test
    void aSweepStaysWithinItsConnectionsAndLeavesNoneOpen(@MySql TestServer server) {
        String prefix = TestServer.uniqueName("budget_") + "_";
        databases(server, prefix, 40, 3);
        String user = sweepUser(server);
        AtomicLong peak = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Mono<Void> sampler = Flux.interval(Duration.ofMillis(20)).onBackpressureDrop()
                .takeWhile(tick -> running.get())
                .concatMap(tick -> Mono.fromCallable(() -> connectionsOf(server, user)).subscribeOn(Schedulers.boundedElastic()))
                .doOnNext(count -> peak.accumulateAndGet(count, Math::max))
                .then().cache();
        sampler.subscribe();
        MySqlAdapter adapter = MySqlAdapter.create(target(server, user), ConnectionConfig.builder().maxConnections(3).minIdleConnections(0).build());
        try {
            MultiDatabaseResult bundle = ((MultiDatabaseOutput.Bundle) Sweep.of(adapter,
                    MultiDatabaseConfig.builder().include(prefix + "*").maxConcurrency(16).build()).collectAll().block()).result();

            ContractSchemas.assertValid(bundle);
            assertThat(bundle.databases()).hasSize(40).allSatisfy(d -> assertThat(d.schema().tables()).hasSize(3));
            assertThat(bundle.failures()).isEmpty();
            assertThat(bundle.collectionMetadata().databasesDiscovered()).isEqualTo(
                    bundle.collectionMetadata().databasesFiltered() + bundle.collectionMetadata().databasesSkipped() + 40);
        } finally {
            adapter.close().block();
            running.set(false);
            sampler.block(Duration.ofSeconds(10));
        }
        assertThat(peak.get()).as("server connections at peak").isPositive().isLessThanOrEqualTo(3);
        assertNoConnectionWithin(server, user, Duration.ofSeconds(2));
    }

    @Test
    void aKilledConnectionIsRetriedAndEveryDatabaseIsCollected(@MySql TestServer server) {
        String prefix = TestServer.uniqueName("killed_") + "_";
        databases(server, prefix, 12, 5);
        String user = sweepUser(server);
        AtomicInteger slowed = new AtomicInteger();
        // The first batch reads its columns slowly, long enough to be killed.
        UnaryOperator<ConnectionFactory> slowFirstBatch = StatementRewriting.rewriting(sql -> sql.contains("information_schema.COLUMNS") && slowed.getAndIncrement() == 0
                ? sql.replace("FROM information_schema.COLUMNS", "FROM (SELECT * FROM information_schema.COLUMNS WHERE SLEEP(0.2) = 0) AS slow")
                : sql);
        AtomicInteger killed = new AtomicInteger();
        Mono<Void> killer = Flux.interval(Duration.ofMillis(50)).onBackpressureDrop().take(200)
                .concatMap(tick -> Mono.fromCallable(() -> server.query(null, "SELECT ID AS id FROM information_schema.PROCESSLIST "
                        + "WHERE USER = '" + user + "' AND INFO LIKE '%SLEEP(0.2)%'")).subscribeOn(Schedulers.boundedElastic()))
                .filter(rows -> !rows.isEmpty())
                .next()
                .doOnNext(rows -> rows.forEach(row -> {
                    server.execute(null, "KILL CONNECTION " + row.get("id"));
                    killed.incrementAndGet();
                }))
                .then().cache();
        killer.subscribe();
        List<SweepEvent> events = new CopyOnWriteArrayList<>();
        MySqlAdapter adapter = MySqlAdapter.create(target(server, user), ConnectionConfig.defaults(), slowFirstBatch);
        try {
            MultiDatabaseResult bundle = ((MultiDatabaseOutput.Bundle) Sweep.of(adapter,
                    MultiDatabaseConfig.builder().include(prefix + "*").maxConcurrency(4).build()).withListener(events::add)
                    .collectAll().block()).result();

            killer.block(Duration.ofSeconds(15));
            assertThat(killed.get()).as("connections killed").isPositive();
            assertThat(events).anyMatch(SweepEvent.Retrying.class::isInstance);
            ContractSchemas.assertValid(bundle);
            assertThat(bundle.failures()).isEmpty();
            assertThat(bundle.databases()).hasSize(12).allSatisfy(d -> {
                assertThat(d.schema().tables()).hasSize(5);
                assertThat(d.schema().collectionMetadata().objectFailures()).isEmpty();
            });
        } finally {
            adapter.close().block();
        }
        assertNoConnectionWithin(server, user, Duration.ofSeconds(2));
    }

    @Test
    void aSweepCanRunOnTheCallersOwnConnectionFactory(@MySql TestServer server) {
        String prefix = TestServer.uniqueName("embed_") + "_";
        List<String> names = databases(server, prefix, 2, 4);
        MySqlAdapter adapter = MySqlAdapter.create(ConnectionFactories.get(server.options(null)), ConnectionConfig.defaults());
        try {
            MultiDatabaseResult bundle = ((MultiDatabaseOutput.Bundle) Sweep.of(adapter,
                    MultiDatabaseConfig.builder().include(prefix + "*").build()).collectAll().block()).result();

            ContractSchemas.assertValid(bundle);
            assertThat(bundle.databases()).extracting(d -> d.databaseName()).containsExactlyElementsOf(names);
            assertThat(bundle.databases()).allSatisfy(d -> assertThat(d.schema().tables()).hasSize(4));
        } finally {
            adapter.close().block();
        }
    }
}
