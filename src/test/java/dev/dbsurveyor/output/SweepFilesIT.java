package dev.dbsurveyor.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.adapter.postgres.PostgresAdapter;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.SweepEvent;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

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
}
