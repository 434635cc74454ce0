package dev.dbsurveyor.sweep;

import dev.dbsurveyor.testing.BoundedPoll;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.MultiDatabaseOutput;
import dev.dbsurveyor.model.MultiDatabaseResult;
import dev.dbsurveyor.retry.RetriedException;
import dev.dbsurveyor.retry.TlsRefusedException;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.Engine;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.TestCertificates;
import dev.dbsurveyor.testing.TestServer;
import dev.dbsurveyor.testing.TlsPostgresServers;
import dev.dbsurveyor.testing.TlsPostgresServers.Certificate;
import dev.dbsurveyor.testing.TlsServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Sweeps over TLS: 50 databases under {@code verify-full} are collected within the same
 * connection budget, with the same accounting, as without TLS, every session encrypted; a
 * refusal is not retried and is a permission failure of the connection.
 */
class TlsSweepIT {

    private static final int DATABASES = 50;
    private static final int MAX_CONNECTIONS = 6;

    @TempDir
    Path home;

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    private static String scheme(Engine engine) {
        return engine == Engine.POSTGRES ? "postgresql" : "mariadb";
    }

    private ServerTarget target(Engine engine, Certificate certificate, String query) {
        int port = TlsServers.withTls(engine, certificate).port();
        return ServerTarget.parse(scheme(engine) + "://" + TlsPostgresServers.USER + "@127.0.0.1:" + port + "?" + query,
                new Environment(Map.of(), home));
    }

    private static String verifyFull() {
        return "sslmode=verify-full&sslrootcert=" + TestCertificates.shared().trusted().certificateFile();
    }

    /** Sessions of the sweep's user on the server now, and how many of them are not encrypted. */
    private static long[] sessions(TestServer admin, Engine engine) {
        Map<String, Object> row = admin.query(null, engine == Engine.POSTGRES
                ? "SELECT count(*) AS n, count(*) FILTER (WHERE NOT s.ssl) AS plain FROM pg_stat_activity a "
                + "JOIN pg_stat_ssl s ON s.pid = a.pid WHERE a.usename = '" + TlsPostgresServers.USER + "'"
                : "SELECT count(*) AS n, 0 AS plain FROM information_schema.PROCESSLIST WHERE USER = '" + TlsPostgresServers.USER + "'").get(0);
        return new long[] {((Number) row.get("n")).longValue(), ((Number) row.get("plain")).longValue()};
    }

    /** What one sweep did: its result, the peaks of connections the client held and the server saw, and plaintext sessions seen. */
    private record Run(MultiDatabaseResult result, long clientPeak, long serverPeak, long plaintextSessions, long left) {
    }

    private Run sweep(Engine engine, TestServer admin, String prefix, String query) throws InterruptedException {
        ConnectionConfig connection = ConnectionConfig.builder().maxConnections(MAX_CONNECTIONS).minIdleConnections(1).build();
        MultiDatabaseConfig config = MultiDatabaseConfig.builder().include(prefix + "*").exclude("*template").maxConcurrency(16).build();
        DatabaseAdapter adapter = DatabaseAdapters.create(target(engine, Certificate.RIGHT_NAME, query), connection);
        AtomicLong serverPeak = new AtomicLong();
        AtomicLong clientPeak = new AtomicLong();
        AtomicLong plaintext = new AtomicLong();
        Sinks.Empty<Void> done = Sinks.empty();
        Mono<Void> sampler = Flux.interval(Duration.ofMillis(10))
                .onBackpressureDrop()
                .doOnNext(tick -> clientPeak.accumulateAndGet(adapter.poolStats().open(), Math::max))
                .concatMap(tick -> Mono.fromCallable(() -> sessions(admin, engine)).subscribeOn(Schedulers.boundedElastic()))
                .doOnNext(counts -> {
                    serverPeak.accumulateAndGet(counts[0], Math::max);
                    plaintext.accumulateAndGet(counts[1], Math::max);
                })
                .takeUntilOther(done.asMono())
                .then()
                .cache();
        sampler.subscribe();
        MultiDatabaseResult result;
        try {
            result = ((MultiDatabaseOutput.Bundle) Sweep.of(adapter, config).collectAll().block(Duration.ofMinutes(5))).result();
        } finally {
            done.tryEmitEmpty();
            sampler.block(Duration.ofSeconds(10));
            adapter.close().block(Duration.ofSeconds(30));
        }
        BoundedPoll.until(() -> sessions(admin, engine)[0] == 0, Duration.ofSeconds(2));
        long left = sessions(admin, engine)[0];
        return new Run(result, clientPeak.get(), serverPeak.get(), plaintext.get(), left);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void fiftyDatabasesUnderVerifyFullKeepTheBoundAndTheAccountingOfAPlaintextSweep(Engine engine) throws InterruptedException {
        try (TestServer admin = new TestServer(TlsServers.withTls(engine, Certificate.RIGHT_NAME))) {
            String prefix = TestServer.uniqueName("tls_sweep_") + "_";
            String template = admin.createDatabase(prefix + "template");
            admin.execute(template, "CREATE TABLE t1 (id int PRIMARY KEY, label text)", "CREATE TABLE t2 (id int PRIMARY KEY, t1 int REFERENCES t1 (id))");
            IntStream.range(0, DATABASES).forEach(i -> {
                String name = engine == Engine.POSTGRES ? admin.createDatabase(prefix + i, template) : admin.createDatabase(prefix + i);
                if (engine == Engine.MYSQL) {
                    admin.execute(name, "CREATE TABLE t1 (id int PRIMARY KEY, label text)",
                            "CREATE TABLE t2 (id int PRIMARY KEY, t1 int REFERENCES t1 (id))");
                }
            });

            Run tls = sweep(engine, admin, prefix, verifyFull());
            Run plain = sweep(engine, admin, prefix, "sslmode=disable");

            for (Run run : List.of(tls, plain)) {
                ContractSchemas.assertValid(run.result());
                MultiDatabaseMetadata metadata = run.result().collectionMetadata();
                assertThat(metadata.databasesCollected()).isEqualTo(DATABASES);
                assertThat(metadata.databasesFailed()).isZero();
                assertThat(metadata.databasesFiltered() + metadata.databasesSkipped() + metadata.databasesCollected() + metadata.databasesFailed())
                        .isEqualTo(metadata.databasesDiscovered());
                assertThat(run.result().databases()).allSatisfy(database -> assertThat(database.schema().tables()).hasSize(2));
                assertThat(run.clientPeak()).as("connections held at peak").isPositive().isLessThanOrEqualTo(MAX_CONNECTIONS);
                // A backend leaves the server's list a moment after its client closed it: a sample may catch one extra.
                assertThat(run.serverPeak()).as("server sessions at peak").isPositive().isLessThanOrEqualTo(MAX_CONNECTIONS + 1);
                assertThat(run.left()).as("sessions left after the sweep").isZero();
            }
            assertThat(tls.result().collectionMetadata().databasesDiscovered()).isEqualTo(plain.result().collectionMetadata().databasesDiscovered());
            assertThat(tls.result().databases()).extracting(database -> database.databaseName())
                    .containsExactlyInAnyOrderElementsOf(plain.result().databases().stream().map(database -> database.databaseName()).toList());
            if (engine == Engine.POSTGRES) {
                assertThat(tls.plaintextSessions()).as("plaintext sessions under verify-full").isZero();
                assertThat(plain.plaintextSessions()).as("the check sees plaintext sessions").isPositive();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRefusalIsNotRetriedAndFailsTheDatabaseAsAPermissionErrorOfTheConnection(Engine engine) {
        Queue<SweepEvent> events = new ConcurrentLinkedQueue<>();
        DatabaseAdapter adapter = DatabaseAdapters.create(target(engine, Certificate.WRONG_NAME, verifyFull()), ConnectionConfig.defaults());
        try {
            Sweep sweep = Sweep.of(adapter, MultiDatabaseConfig.builder().build()).withListener(events::add);

            Throwable error = catchThrowable(() -> sweep.collectOne("postgres").block(Duration.ofSeconds(60)));
            Throwable whole = catchThrowable(() -> sweep.collectAll().block(Duration.ofSeconds(60)));

            assertThat(events).filteredOn(SweepEvent.Retrying.class::isInstance).isEmpty();
            assertThat(RetriedException.retriesOf(whole)).isZero();
            assertThat(whole).isInstanceOfAny(TlsRefusedException.class, RetriedException.class);
            assertThat(whole.getMessage()).startsWith("TLS refused the connection (host name mismatch)");
            DatabaseFailure failure = Sweep.failure("postgres", error);
            assertThat(failure.errorCategory()).isEqualTo(ErrorCategory.PERMISSION);
            assertThat(failure.isConnectionError()).isTrue();
            assertThat(failure.retryAttempts()).isZero();
            assertThat(failure.errorMessage()).startsWith("TLS refused the connection (host name mismatch): the server's certificate is for "
                    + TestCertificates.WRONG_NAME + ", not for 127.0.0.1");
        } finally {
            adapter.close().block(Duration.ofSeconds(30));
        }
    }
}
