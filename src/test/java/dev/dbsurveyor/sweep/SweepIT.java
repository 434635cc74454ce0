package dev.dbsurveyor.sweep;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.postgres.PostgresAdapter;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.MultiDatabaseOutput;
import dev.dbsurveyor.model.MultiDatabaseResult;
import dev.dbsurveyor.model.ObjectType;
import dev.dbsurveyor.model.OutputMode;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Sweeps of a real PostgreSQL server: accounting, output, connection budget, cancellation and faults. */
class SweepIT {

    private static final Environment NO_ENVIRONMENT = new Environment(Map.of(), Path.of("/nonexistent"));

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    /** Databases {@code prefix0..prefix(n-1)}, each a copy of a template with {@code tables} tables. */
    private static List<String> databases(TestServer server, String prefix, int count, int tables) {
        String template = server.createDatabase(prefix + "template");
        server.execute(template, "DO $$ BEGIN FOR i IN 1.." + tables + " LOOP "
                + "EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, label text, created_at timestamptz)', i); "
                + "EXECUTE format('CREATE INDEX ON t%s (label)', i); END LOOP; END $$");
        return IntStream.range(0, count).mapToObj(i -> server.createDatabase(prefix + i, template)).toList();
    }

    private static ServerTarget target(TestServer server, String applicationName) {
        return ServerTarget.parse(server.endpoint().url() + "/postgres?application_name=" + applicationName, NO_ENVIRONMENT);
    }

    private static ServerTarget targetAs(TestServer server, String user, String password) {
        return ServerTarget.parse(server.endpoint().url().replaceFirst("://[^@]*@", "://" + user + ":" + password + "@") + "/postgres",
                NO_ENVIRONMENT);
    }

    private static long connections(TestServer server, String applicationName) {
        return (Long) server.query(null, "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = '" + applicationName + "'")
                .get(0).get("n");
    }

    /** Waits (polling, at most {@code bound}) until no connection of the sweep is left on the server. */
    private static void assertNoConnectionWithin(TestServer server, String applicationName, Duration bound) {
        StepVerifier.create(Mono.fromCallable(() -> connections(server, applicationName))
                        .subscribeOn(Schedulers.boundedElastic())
                        .filter(count -> count == 0)
                        .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(50)).take(bound.toMillis() / 50)))
                .as("no connection of " + applicationName + " left within " + bound)
                .expectNext(0L)
                .verifyComplete();
    }

    private static void assertAccounted(MultiDatabaseMetadata metadata) {
        assertThat(metadata.databasesFiltered() + metadata.databasesSkipped() + metadata.databasesCollected() + metadata.databasesFailed())
                .isEqualTo(metadata.databasesDiscovered());
    }

    @Test
    void everyDatabaseIsAccountedForOnceAndBothOutputsValidate(@Postgres TestServer server) {
        String prefix = TestServer.uniqueName("sweep_") + "_";
        List<String> collected = databases(server, prefix, 3, 3);
        String old = server.createDatabase(prefix + "old");
        String locked = server.createDatabase(prefix + "locked");
        server.execute(null, "REVOKE CONNECT ON DATABASE " + server.engine().quote(locked) + " FROM PUBLIC");
        server.execute(null, "REVOKE CONNECT ON DATABASE " + server.engine().quote(prefix + "template") + " FROM PUBLIC");
        String role = server.createRole("sweep-pw");
        MultiDatabaseConfig.Builder config = MultiDatabaseConfig.builder().include(prefix + "*").exclude("*_old").maxConcurrency(2);
        Queue<SweepEvent> events = new ConcurrentLinkedQueue<>();

        List<DatabaseOutcome> outcomes = Sweeps.outcomes(targetAs(server, role, "sweep-pw"), ConnectionConfig.defaults(), config.build(),
                events::add).collectList().block();

        Map<String, DatabaseOutcome> byName = outcomes.stream().collect(Collectors.toMap(DatabaseOutcome::database, o -> o));
        assertThat(outcomes).hasSize(byName.size());
        collected.forEach(name -> assertThat(byName.get(name)).isInstanceOf(DatabaseOutcome.Collected.class));
        assertThat(byName.get(old)).isEqualTo(new DatabaseOutcome.Filtered(old, "matches exclude pattern *_old"));
        assertThat(byName.get(locked)).isInstanceOf(DatabaseOutcome.Skipped.class);
        assertThat(byName.get(prefix + "template")).isInstanceOf(DatabaseOutcome.Skipped.class);
        assertThat(byName.get("template0")).isInstanceOf(DatabaseOutcome.Filtered.class);
        assertThat(byName.get("postgres")).isEqualTo(new DatabaseOutcome.Filtered("postgres", "matches no include pattern"));
        assertThat(events.peek()).isInstanceOf(SweepEvent.Enumerated.class);
        assertThat(events).filteredOn(SweepEvent.Started.class::isInstance).hasSize(3);
        assertThat(events).filteredOn(SweepEvent.Finished.class::isInstance).hasSize(3);
        SweepEvent last = events.stream().reduce((a, b) -> b).orElseThrow();
        assertThat(last).isNotInstanceOf(SweepEvent.Started.class);

        MultiDatabaseResult bundle = ((MultiDatabaseOutput.Bundle) Sweeps.collectAll(targetAs(server, role, "sweep-pw"),
                ConnectionConfig.defaults(), config.build(), SweepListener.none()).block()).result();
        ContractSchemas.assertValid(bundle);
        assertAccounted(bundle.collectionMetadata());
        assertThat(bundle.collectionMetadata().databasesCollected()).isEqualTo(3);
        assertThat(bundle.collectionMetadata().databasesSkipped()).isEqualTo(2);
        assertThat(bundle.collectionMetadata().databasesDiscovered()).isEqualTo(outcomes.size());
        assertThat(bundle.collectionMetadata().durationStats().maxMs()).isGreaterThanOrEqualTo(
                (long) bundle.collectionMetadata().durationStats().averageMs());
        assertThat(bundle.databases()).extracting(d -> d.databaseName()).containsExactlyElementsOf(collected);
        assertThat(bundle.databases()).allSatisfy(d -> assertThat(d.schema().tables()).hasSize(3));
        assertThat(bundle.skipped()).extracting(s -> s.databaseName()).containsExactlyInAnyOrder(locked, prefix + "template");
        assertThat(bundle.serverInfo().connectionUser()).isEqualTo(role);

        MultiDatabaseOutput.PerDatabase perDatabase = (MultiDatabaseOutput.PerDatabase) Sweeps.collectAll(targetAs(server, role, "sweep-pw"),
                ConnectionConfig.defaults(), config.outputMode(OutputMode.ONE_PER_DATABASE).build(), SweepListener.none()).block();
        MultiDatabaseManifest manifest = perDatabase.manifest();
        ContractSchemas.assertValid(manifest);
        perDatabase.schemas().forEach(ContractSchemas::assertValid);
        assertAccounted(manifest.collectionMetadata());
        assertThat(manifest.databases()).hasSize(5);
        assertThat(manifest.filtered()).extracting(f -> f.databaseName()).contains(old, "postgres");
        assertThat(perDatabase.schemas()).filteredOn(s -> s.databaseInfo().name().equals(locked)).singleElement()
                .satisfies(stub -> assertThat(stub.databaseInfo().collectionStatus()).isInstanceOf(
                        dev.dbsurveyor.model.CollectionStatus.Skipped.class));
    }

    @Test
    void aLargeSweepStaysWithinItsConnectionBudgetAndLeavesNothingOpen(@Postgres TestServer server) {
        String prefix = TestServer.uniqueName("budget_") + "_";
        databases(server, prefix, 200, 2);
        String applicationName = TestServer.uniqueName("dbsurveyor_budget_");
        ConnectionConfig connection = ConnectionConfig.builder().maxConnections(6).minIdleConnections(1).build();
        MultiDatabaseConfig config = MultiDatabaseConfig.builder().include(prefix + "*").exclude("*template").maxConcurrency(16).build();
        PostgresAdapter adapter = PostgresAdapter.create(target(server, applicationName), connection);
        AtomicLong serverPeak = new AtomicLong();
        AtomicLong clientPeak = new AtomicLong();
        Sinks.Empty<Void> done = Sinks.empty();
        Mono<Void> sampler = Flux.interval(Duration.ofMillis(10))
                .onBackpressureDrop()
                .doOnNext(tick -> clientPeak.accumulateAndGet(adapter.poolStats().open(), Math::max))
                .concatMap(tick -> Mono.fromCallable(() -> connections(server, applicationName)).subscribeOn(Schedulers.boundedElastic()))
                .doOnNext(count -> serverPeak.accumulateAndGet(count, Math::max))
                .takeUntilOther(done.asMono())
                .then()
                .cache();
        sampler.subscribe();
        try {
            MultiDatabaseResult bundle = ((MultiDatabaseOutput.Bundle) Sweep.of(adapter, config).collectAll().block()).result();

            assertThat(bundle.collectionMetadata().databasesCollected()).isEqualTo(200);
            assertThat(bundle.failures()).isEmpty();
        } finally {
            done.tryEmitEmpty();
            sampler.block(Duration.ofSeconds(10));
            adapter.close().block();
        }
        assertThat(clientPeak.get()).as("connections the sweep held open at peak").isPositive().isLessThanOrEqualTo(6);
        // A connection's permit is reused as soon as the client has closed it; its backend leaves
        // pg_stat_activity a moment later, when the server process has exited, so a sample may catch one extra.
        assertThat(serverPeak.get()).as("server connections at peak").isPositive().isLessThanOrEqualTo(6 + 1);
        assertNoConnectionWithin(server, applicationName, Duration.ofSeconds(2));

        String cancelled = TestServer.uniqueName("dbsurveyor_cancel_");
        List<DatabaseOutcome> some = Sweeps.outcomes(target(server, cancelled), connection, config, SweepListener.none())
                .filter(DatabaseOutcome.Collected.class::isInstance)
                .take(20)
                .collectList().block();
        assertThat(some).hasSize(20);
        assertNoConnectionWithin(server, cancelled, Duration.ofSeconds(2));
    }

    @Test
    void aFailingSweepStopsAtTheFirstFailureWhenAskedToAndLeavesNothingOpen(@Postgres TestServer server) {
        String prefix = TestServer.uniqueName("stop_") + "_";
        List<String> names = databases(server, prefix, 6, 2);
        String applicationName = TestServer.uniqueName("dbsurveyor_stop_");
        PostgresAdapter real = PostgresAdapter.create(target(server, applicationName), ConnectionConfig.defaults());
        DatabaseAdapter dropping = new InterposingAdapter(real, enumerated -> Mono.fromRunnable(() -> server.dropDatabase(names.get(0)))
                .subscribeOn(Schedulers.boundedElastic()).then());
        MultiDatabaseConfig config = MultiDatabaseConfig.builder().include(prefix + "*").exclude("*template").maxConcurrency(1)
                .continueOnError(false).build();
        try {
            StepVerifier.create(Sweep.of(dropping, config).outcomes())
                    .thenConsumeWhile(outcome -> !(outcome instanceof DatabaseOutcome.Collected))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(SweepFailedException.class);
                        assertThat(((SweepFailedException) error).failure().databaseName()).isEqualTo(names.get(0));
                        assertThat(((SweepFailedException) error).failure().errorCategory()).isEqualTo(ErrorCategory.NOT_FOUND);
                    })
                    .verify(Duration.ofSeconds(60));
        } finally {
            real.close().block();
        }
        assertNoConnectionWithin(server, applicationName, Duration.ofSeconds(2));
    }

    @Test
    void aDatabaseDroppedAfterEnumerationIsNotFoundAndTheOthersAreCollected(@Postgres TestServer server) {
        String prefix = TestServer.uniqueName("drop_") + "_";
        List<String> names = databases(server, prefix, 3, 2);
        PostgresAdapter real = PostgresAdapter.create(target(server, "dbsurveyor_drop"), ConnectionConfig.defaults());
        DatabaseAdapter dropping = new InterposingAdapter(real, enumerated -> Mono.fromRunnable(() -> server.dropDatabase(names.get(1)))
                .subscribeOn(Schedulers.boundedElastic()).then());
        Queue<SweepEvent> events = new ConcurrentLinkedQueue<>();
        try {
            MultiDatabaseResult bundle = ((MultiDatabaseOutput.Bundle) Sweep.of(dropping,
                    MultiDatabaseConfig.builder().include(prefix + "*").exclude("*template").build()).withListener(events::add)
                    .collectAll().block()).result();

            ContractSchemas.assertValid(bundle);
            assertThat(bundle.databases()).extracting(d -> d.databaseName()).containsExactly(names.get(0), names.get(2));
            assertThat(bundle.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.databaseName()).isEqualTo(names.get(1));
                assertThat(failure.errorCategory()).isEqualTo(ErrorCategory.NOT_FOUND);
                assertThat(failure.isConnectionError()).isTrue();
                assertThat(failure.retryAttempts()).isZero();
            });
            assertThat(events).noneMatch(SweepEvent.Retrying.class::isInstance);
            assertAccounted(bundle.collectionMetadata());
        } finally {
            real.close().block();
        }
    }

    @Test
    void connectRevokedAfterEnumerationIsAPermissionFailureTriedOnce(@Postgres TestServer server) {
        String prefix = TestServer.uniqueName("revoke_") + "_";
        List<String> names = databases(server, prefix, 2, 2);
        String role = server.createRole("revoke-pw");
        PostgresAdapter real = PostgresAdapter.create(targetAs(server, role, "revoke-pw"), ConnectionConfig.defaults());
        DatabaseAdapter revoking = new InterposingAdapter(real, enumerated -> Mono.fromRunnable(() -> server.execute(null,
                        "REVOKE CONNECT ON DATABASE " + server.engine().quote(names.get(0)) + " FROM PUBLIC"))
                .subscribeOn(Schedulers.boundedElastic()).then());
        Queue<SweepEvent> events = new ConcurrentLinkedQueue<>();
        try {
            List<DatabaseOutcome> outcomes = Sweep.of(revoking, MultiDatabaseConfig.builder().include(prefix + "?").build())
                    .withListener(events::add).outcomes().collectList().block();

            assertThat(outcomes).filteredOn(DatabaseOutcome.Failed.class::isInstance).singleElement().satisfies(outcome -> {
                var failure = ((DatabaseOutcome.Failed) outcome).failure();
                assertThat(failure.databaseName()).isEqualTo(names.get(0));
                assertThat(failure.errorCategory()).isEqualTo(ErrorCategory.PERMISSION);
                assertThat(failure.retryAttempts()).isZero();
            });
            assertThat(events).filteredOn(e -> e instanceof SweepEvent.Started started && started.database().equals(names.get(0)))
                    .hasSize(1);
            assertThat(events).noneMatch(SweepEvent.Retrying.class::isInstance);
            assertThat(outcomes).filteredOn(DatabaseOutcome.Collected.class::isInstance).hasSize(1);
        } finally {
            real.close().block();
        }
    }

    @Test
    void aStageTimingOutInOneDatabaseIsRetriedThenRecordedWhileTheOthersSucceed(@Postgres TestServer server) {
        String prefix = TestServer.uniqueName("slow_") + "_";
        List<String> names = databases(server, prefix, 3, 2);
        String slow = names.get(1);
        var locker = Mono.from(server.connectionFactory(slow).create()).block();
        Queue<SweepEvent> events = new ConcurrentLinkedQueue<>();
        try {
            Flux.from(locker.createStatement("BEGIN; LOCK TABLE pg_catalog.pg_language IN ACCESS EXCLUSIVE MODE").execute())
                    .concatMap(io.r2dbc.spi.Result::getRowsUpdated).blockLast();

            MultiDatabaseResult bundle = ((MultiDatabaseOutput.Bundle) Sweeps.collectAll(target(server, "dbsurveyor_slow"),
                    ConnectionConfig.builder().statementTimeout(Duration.ofMillis(300)).build(),
                    MultiDatabaseConfig.builder().include(prefix + "?").build(), events::add).block()).result();

            ContractSchemas.assertValid(bundle);
            assertThat(bundle.failures()).isEmpty();
            Map<String, DatabaseSchema> documents = bundle.databases().stream()
                    .collect(Collectors.toMap(d -> d.databaseName(), d -> d.schema()));
            assertThat(documents.get(slow).collectionMetadata().objectFailures()).singleElement().satisfies(failure -> {
                assertThat(failure.objectType()).isEqualTo(ObjectType.FUNCTION);
                assertThat(failure.errorCategory()).isEqualTo(ErrorCategory.TIMEOUT);
                assertThat(failure.retryAttempts()).isEqualTo(3);
                assertThat(failure.finalBackoffMs()).isPositive();
            });
            assertThat(documents.get(slow).tables()).hasSize(2);
            assertThat(documents.get(names.get(0)).collectionMetadata().objectFailures()).isEmpty();
            assertThat(documents.get(names.get(2)).collectionMetadata().objectFailures()).isEmpty();
            Duration waited = events.stream().filter(e -> e instanceof SweepEvent.Retrying retrying && retrying.database().equals(slow))
                    .map(e -> ((SweepEvent.Retrying) e).delay()).reduce(Duration.ZERO, Duration::plus);
            assertThat(waited).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
        } finally {
            Flux.from(locker.createStatement("ROLLBACK").execute()).concatMap(io.r2dbc.spi.Result::getRowsUpdated).blockLast();
            Mono.from(locker.close()).block();
        }
    }

    @Test
    void backendsTerminatedMidwayAreRetriedAndTheDatabasesStillCollected(@Postgres TestServer server) {
        String prefix = TestServer.uniqueName("kill_") + "_";
        databases(server, prefix, 16, 60);
        String applicationName = TestServer.uniqueName("dbsurveyor_kill_");
        Queue<SweepEvent> events = new ConcurrentLinkedQueue<>();
        AtomicLong killed = new AtomicLong();
        Mono<Void> killer = Flux.interval(Duration.ofMillis(40), Duration.ofMillis(60)).onBackpressureBuffer().take(4)
                .concatMap(round -> Mono.fromCallable(() -> server.query(null, "SELECT count(pg_terminate_backend(pid)) AS n "
                        + "FROM pg_stat_activity WHERE application_name = '" + applicationName + "'")).subscribeOn(Schedulers.boundedElastic()))
                .doOnNext(rows -> killed.addAndGet(rows.stream().mapToLong(row -> (Long) row.get("n")).sum()))
                .then()
                .cache();
        killer.subscribe();
        try {
            MultiDatabaseResult bundle = ((MultiDatabaseOutput.Bundle) Sweeps.collectAll(target(server, applicationName),
                    ConnectionConfig.defaults(), MultiDatabaseConfig.builder().include(prefix + "*").exclude("*template").maxConcurrency(2)
                            .build(), events::add).block()).result();

            assertThat(killed.get()).as("backends terminated").isPositive();
            assertThat(events).anyMatch(SweepEvent.Retrying.class::isInstance);
            assertThat(bundle.failures()).isEmpty();
            assertThat(bundle.databases()).hasSize(16).allSatisfy(d -> {
                assertThat(d.schema().tables()).hasSize(60);
                assertThat(d.schema().collectionMetadata().objectFailures()).isEmpty();
            });
        } finally {
            killer.block(Duration.ofSeconds(10));
        }
        assertNoConnectionWithin(server, applicationName, Duration.ofSeconds(2));
    }

    @Test
    void aSweepCanRunOnTheCallersOwnConnectionFactories(@Postgres TestServer server) {
        String prefix = TestServer.uniqueName("embed_") + "_";
        List<String> names = databases(server, prefix, 2, 4);
        PostgresAdapter adapter = PostgresAdapter.create("postgres", database -> ConnectionFactories.get(server.options(database)),
                ConnectionConfig.defaults());
        try {
            MultiDatabaseResult bundle = ((MultiDatabaseOutput.Bundle) Sweep.of(adapter,
                    MultiDatabaseConfig.builder().include(prefix + "?").build()).collectAll().block(Duration.ofMinutes(2))).result();

            ContractSchemas.assertValid(bundle);
            assertThat(bundle.databases()).extracting(d -> d.databaseName()).containsExactlyElementsOf(names);
            assertThat(bundle.databases()).allSatisfy(d -> assertThat(d.schema().tables()).hasSize(4));
            assertThat(bundle.serverInfo().host()).isNotBlank();
        } finally {
            adapter.close().block();
        }
    }
}
