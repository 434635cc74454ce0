package dev.dbsurveyor.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.adapter.postgres.PostgresAdapter;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.retry.RetryPolicy;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.ResumeScope;
import dev.dbsurveyor.sweep.SweepEvent;
import dev.dbsurveyor.sweep.SweepFailedException;
import dev.dbsurveyor.sweep.SweepListener;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.SecretScan;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sweeps written to files: an interrupted directory sweep keeps its files and writes its manifest; a cancelled bundle leaves what was there. */
class SweepFilesIT {

    @TempDir
    Path directory;

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    private static ServerTarget target(TestServer server) {
        return ServerTarget.parse(server.endpoint().url() + "/postgres", new Environment(Map.of(), Path.of("/nonexistent")));
    }

    @Test
    void anInterruptedDirectorySweepWritesItsManifestWithTheDatabasesNotReached(@Postgres TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("interrupt_") + "_";
        IntStream.range(0, 12).forEach(i -> server.createDatabase(prefix + i));
        PostgresAdapter adapter = PostgresAdapter.create(target(server), ConnectionConfig.defaults());
        CountDownLatch firstFinished = new CountDownLatch(1);
        CountDownLatch settled = new CountDownLatch(1);
        try {
            Disposable sweep = SweepFiles.toDirectory(adapter, MultiDatabaseConfig.builder().include(prefix + "*").maxConcurrency(1).build(),
                    event -> {
                        if (event instanceof SweepEvent.Finished) {
                            firstFinished.countDown();
                        }
                    }, directory, settled::countDown).subscribe();
            assertThat(firstFinished.await(30, TimeUnit.SECONDS)).isTrue();
            sweep.dispose();
            assertThat(settled.await(30, TimeUnit.SECONDS)).as("files settled after the cancel").isTrue();
        } finally {
            adapter.close().block();
        }

        Path manifest = directory.resolve(DirectoryWriter.MANIFEST);
        ContractSchemas.assertValidFile(manifest);
        JsonNode json = dev.dbsurveyor.output.ContractMapper.mapper().readTree(Files.readString(manifest));
        assertThat(json.at("/databases")).hasSize(12);
        assertThat(json.at("/collection_metadata/databases_skipped").asInt()).as("not reached").isPositive();
        assertThat(json.at("/collection_metadata/databases_collected").asInt() + json.at("/collection_metadata/databases_skipped").asInt())
                .isEqualTo(12);
        json.at("/databases").forEach(entry -> assertThat(directory.resolve(entry.get("file").asText())).exists());
        assertThat(json.at("/collection_metadata/warnings/0").asText()).contains("interrupted");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.filter(file -> !file.getFileName().toString().startsWith(".")).count()).isEqualTo(13);
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(ContractSchemas::assertValidFile);
        }
    }

    @Test
    void aCancelledBundleLeavesThePreviousFileAndNoTemporaryFile(@Postgres TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("cancel_") + "_";
        IntStream.range(0, 8).forEach(i -> server.createDatabase(prefix + i));
        Path bundle = Files.writeString(directory.resolve("server.json"), "previous");
        PostgresAdapter adapter = PostgresAdapter.create(target(server), ConnectionConfig.defaults());
        CountDownLatch firstFinished = new CountDownLatch(1);
        CountDownLatch settled = new CountDownLatch(1);
        try {
            Disposable sweep = SweepFiles.toBundle(adapter, MultiDatabaseConfig.builder().include(prefix + "*").maxConcurrency(1).build(),
                    event -> {
                        if (event instanceof SweepEvent.Finished) {
                            firstFinished.countDown();
                        }
                    }, bundle, settled::countDown).subscribe();
            assertThat(firstFinished.await(30, TimeUnit.SECONDS)).isTrue();
            sweep.dispose();
            assertThat(settled.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            adapter.close().block();
        }

        assertThat(bundle).hasContent("previous");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(bundle);
        }
    }

    @Test
    void aDirectorySweepThatStopsAtItsFirstFailureWritesItsManifestAndAResumeCompletesIt(@Postgres TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("fail_fast_") + "_";
        String password = SecretScan.uniquePassword();
        String role = server.createRole(password);
        List<String> names = IntStream.range(0, 5).mapToObj(i -> server.createDatabase(prefix + i)).toList();
        server.execute(null, "ALTER DATABASE " + server.engine().quote(names.get(1)) + " CONNECTION LIMIT 0");
        ServerTarget target = ServerTarget.parse("postgresql://" + role + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "@127.0.0.1:" + server.endpoint().port() + "/postgres", new Environment(Map.of(), Path.of("/nonexistent")));
        MultiDatabaseConfig.Builder config = MultiDatabaseConfig.builder().include(prefix + "*").maxConcurrency(1)
                .retryPolicy(RetryPolicy.none());
        PostgresAdapter adapter = PostgresAdapter.create(target, ConnectionConfig.defaults());
        try {
            assertThatThrownBy(() -> SweepFiles.toDirectory(adapter, config.continueOnError(false).build(),
                            SweepListener.none(), directory, () -> { }).block(Duration.ofSeconds(60)))
                    .isInstanceOf(SweepFailedException.class);

            JsonNode manifest = ContractMapper.mapper().readTree(Files.readString(directory.resolve(DirectoryWriter.MANIFEST)));
            try (Stream<Path> files = Files.list(directory)) {
                files.forEach(ContractSchemas::assertValidFile);
            }
            Map<String, String> statuses = new TreeMap<>();
            manifest.get("databases").forEach(entry -> statuses.put(entry.get("name").asText(), entry.get("status").toString()));
            assertThat(statuses).containsEntry(names.get(0), "\"Success\"");
            assertThat(statuses.get(names.get(1))).contains("Failed").contains("too many connections");
            for (String notReached : names.subList(2, 5)) {
                assertThat(statuses.get(notReached)).contains(DirectoryWriter.NOT_REACHED_AFTER_FAILURE);
            }
            assertThat(manifest.at("/collection_metadata/warnings/0").asText()).contains("stopped at its first failure");

            server.execute(null, "ALTER DATABASE " + server.engine().quote(names.get(1)) + " CONNECTION LIMIT -1");
            ResumedDirectory resumed = SweepFiles.resumeDirectory(adapter, config.continueOnError(true).build(),
                    SweepListener.none(), CollectionReader.directory(directory),
                    ResumeScope.ALL, () -> { }).block(Duration.ofSeconds(60));

            assertThat(resumed.rerun().collected()).isEqualTo(4);
            assertThat(resumed.usable()).isTrue();
            assertThat(resumed.clean()).isTrue();
            assertThat(resumed.manifest().databases()).allSatisfy(entry -> assertThat(entry.status())
                    .isEqualTo(CollectionStatus.SUCCESS));
            try (Stream<Path> files = Files.list(directory)) {
                files.forEach(ContractSchemas::assertValidFile);
            }
        } finally {
            adapter.close().block();
        }
    }
}
