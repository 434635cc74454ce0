package dev.dbsurveyor.sweep;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.MultiDatabaseOutput;
import dev.dbsurveyor.model.MultiDatabaseResult;
import dev.dbsurveyor.retry.RetryPolicy;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.BlockingSql;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Sweeps} under BlockHound: calling a method does no I/O (a host lookup included) on any
 * thread, and each subscription is a whole sweep of its own on an adapter of its own.
 */
class SweepsIT {

    private static final Environment NO_ENVIRONMENT = new Environment(Map.of(), Path.of("/nonexistent"));

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    /** A host name that was never looked up, so that using it means asking the resolver. */
    private static ServerTarget unresolvedTarget() {
        return ServerTarget.parse("postgresql://surveyor@dbsurveyor-" + System.nanoTime() + ".invalid:5432/postgres", NO_ENVIRONMENT);
    }

    private static MultiDatabaseConfig noRetries() {
        return MultiDatabaseConfig.builder().retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void callingOnANonBlockingThreadLooksNothingUp() {
        ServerTarget target = unresolvedTarget();

        StepVerifier.create(Mono.fromCallable(() -> List.of(
                                Sweeps.outcomes(target, ConnectionConfig.defaults(), noRetries(), SweepListener.none()),
                                Sweeps.collectAll(target, ConnectionConfig.defaults(), noRetries(), SweepListener.none()),
                                Sweeps.collectOne(target, ConnectionConfig.defaults(), noRetries(), "postgres", SweepListener.none())))
                        .subscribeOn(Schedulers.parallel()))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void subscribingOnANonBlockingThreadLooksTheHostUpWhereBlockingIsAllowed() {
        ServerTarget target = unresolvedTarget();

        StepVerifier.create(Sweeps.collectAll(target, ConnectionConfig.defaults(), noRetries(), SweepListener.none())
                        .subscribeOn(Schedulers.parallel()))
                .expectErrorSatisfies(error -> assertThat(error).isNotInstanceOf(BlockingOperationError.class)
                        .hasMessageContaining(target.host()))
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void subscribingTwiceRunsTwoCompleteSweeps(@Postgres TestServer server) {
        String prefix = TestServer.uniqueName("twice_") + "_";
        List.of("a", "b", "c").forEach(suffix -> server.execute(server.createDatabase(prefix + suffix), "CREATE TABLE t (id int PRIMARY KEY)"));
        String application = TestServer.uniqueName("twice");
        ServerTarget target = ServerTarget.parse(server.endpoint().url() + "/postgres?application_name=" + application, NO_ENVIRONMENT);
        MultiDatabaseConfig config = MultiDatabaseConfig.builder().include(prefix + "*").build();

        Flux<DatabaseOutcome> outcomes = Sweeps.outcomes(target, ConnectionConfig.defaults(), config, SweepListener.none());
        Mono<MultiDatabaseOutput> output = Sweeps.collectAll(target, ConnectionConfig.defaults(), config, SweepListener.none());
        Mono<DatabaseSchema> one = Sweeps.collectOne(target, ConnectionConfig.defaults(), config, prefix + "a", SweepListener.none());

        for (int run = 0; run < 2; run++) {
            // Checked on the test's thread: validating reads the schemas from disk, which no event loop may do.
            List<String> collected = outcomes.filter(DatabaseOutcome.Collected.class::isInstance).map(DatabaseOutcome::database)
                    .collectList().block(Duration.ofSeconds(60));
            MultiDatabaseResult bundle = ((MultiDatabaseOutput.Bundle) output.block(Duration.ofSeconds(60))).result();
            DatabaseSchema schema = one.block(Duration.ofSeconds(60));

            assertThat(collected).as("run %d", run).containsExactlyInAnyOrder(prefix + "a", prefix + "b", prefix + "c");
            assertThat(bundle.databases()).as("run %d", run).hasSize(3);
            assertThat(bundle.failures()).isEmpty();
            ContractSchemas.assertValid(bundle);
            assertThat(schema.tables()).extracting(table -> table.name()).containsExactly("t");
            ContractSchemas.assertValid(schema);
        }
        assertThat(BlockingSql.postgresSessionsLeft(server.options("postgres"), application, Duration.ofSeconds(10))).isZero();
    }
}
