package dev.dbsurveyor.sweep;

import dev.dbsurveyor.adapter.postgres.PostgresAdapter;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.output.SweepFiles;
import dev.dbsurveyor.retry.RetryPolicy;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.SecretScan;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Sweep#resume} and {@link Resume} under BlockHound: only what the plan runs again is streamed, and another server's manifest is refused. */
class SweepResumeIT {

    private static final Environment NO_ENVIRONMENT = new Environment(Map.of(), Path.of("/nonexistent"));

    @TempDir
    Path directory;

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    @Test
    void aResumeStreamsTheOutcomesOfTheDatabasesItRunsAgainAndNothingElseWithoutBlocking(@Postgres TestServer server) {
        String prefix = TestServer.uniqueName("sweep_resume_") + "_";
        String password = SecretScan.uniquePassword();
        String role = server.createRole(password);
        List<String> names = IntStream.range(0, 4).mapToObj(i -> server.createDatabase(prefix + i)).toList();
        // A database the role may connect to but never gets a connection slot of: it fails (no retries here).
        server.execute(null, "ALTER DATABASE " + server.engine().quote(names.get(1)) + " CONNECTION LIMIT 0");
        ServerTarget target = ServerTarget.parse("postgresql://" + role + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "@127.0.0.1:" + server.endpoint().port() + "/postgres", NO_ENVIRONMENT);
        MultiDatabaseConfig config = MultiDatabaseConfig.builder().include(prefix + "*").retryPolicy(RetryPolicy.none()).maxConcurrency(2)
                .build();
        PostgresAdapter adapter = PostgresAdapter.create(target, ConnectionConfig.defaults());
        try {
            SweepTally first = SweepFiles.toDirectory(adapter, config, SweepListener.none(), directory, () -> { }).block(Duration.ofSeconds(60));
            assertThat(first.failed()).isEqualTo(1);
            MultiDatabaseManifest manifest = CollectionReader.directory(directory).manifest();
            ContractSchemas.assertValid(manifest);
            server.execute(null, "ALTER DATABASE " + server.engine().quote(names.get(1)) + " CONNECTION LIMIT -1");
            String created = server.createDatabase(prefix + "new");
            Sweep sweep = Sweep.of(adapter, config);

            StepVerifier.create(sweep.resume(manifest, ResumeScope.ALL).subscribeOn(Schedulers.parallel()))
                    .recordWith(ArrayList::new)
                    .expectNextCount(2)
                    .consumeRecordedWith(outcomes -> {
                        assertThat(outcomes).extracting(DatabaseOutcome::database).containsExactlyInAnyOrder(names.get(1), created);
                        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(DatabaseOutcome.Collected.class));
                        outcomes.forEach(outcome -> ContractSchemas.assertValid(((DatabaseOutcome.Collected) outcome).schema()));
                    })
                    .expectComplete()
                    .verify(Duration.ofSeconds(60));

            StepVerifier.create(Resume.of(sweep, manifest, java.util.Set.of(names.get(3)), ResumeScope.ALL).plan()
                            .subscribeOn(Schedulers.parallel()))
                    .assertNext(plan -> {
                        assertThat(plan.toCollect()).containsExactlyInAnyOrder(names.get(1), names.get(3), created);
                        assertThat(plan.kept()).extracting(entry -> entry.name()).containsExactlyInAnyOrder(names.get(0), names.get(2));
                    })
                    .verifyComplete();

            ServerInfo recorded = manifest.serverInfo();
            MultiDatabaseManifest elsewhere = new MultiDatabaseManifest(manifest.formatVersion(), new ServerInfo(recorded.serverType(),
                    recorded.version(), "db.example.com", recorded.port(), recorded.totalDatabases(), recorded.connectionUser(),
                    recorded.hasSuperuserPrivileges(), recorded.versionNumber(), recorded.versionDetails()), manifest.databases(),
                    manifest.collectionMetadata(), manifest.filtered(), manifest.filters());
            StepVerifier.create(sweep.resume(elsewhere, ResumeScope.ALL).subscribeOn(Schedulers.parallel()))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ConfigurationException.class)
                            .hasMessage("the manifest belongs to another server: PostgreSQL at db.example.com:" + server.endpoint().port()
                                    + ", not PostgreSQL at 127.0.0.1:" + server.endpoint().port()))
                    .verify(Duration.ofSeconds(30));
        } finally {
            adapter.close().block();
        }
    }
}
