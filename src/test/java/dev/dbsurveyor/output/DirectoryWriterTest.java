package dev.dbsurveyor.output;

import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.ServerType;
import dev.dbsurveyor.model.SkippedDatabase;
import dev.dbsurveyor.model.SweepFilters;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.ResumePlan;
import dev.dbsurveyor.sweep.ResumeScope;
import dev.dbsurveyor.testing.ContractSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest and files a directory sweep, and a resume of one, leave: history carried, kept files untouched, counts of the entries. */
class DirectoryWriterTest {

    private static final Instant EARLIER = Instant.parse("2026-11-30T10:00:00.125Z");
    private static final ServerInfo SERVER = ContractFixtures.serverInfo(ServerType.POSTGRESQL);
    private static final SweepFilters FILTERS = new SweepFilters(false, List.of("s*"), List.of());
    private static final MultiDatabaseConfig CONFIG = MultiDatabaseConfig.builder().include("s*").build();

    @TempDir
    Path directory;

    private static DatabaseSchema collected(String name, Instant at) {
        return DatabaseSchema.notCollected(name, CollectionStatus.SUCCESS, 12, at, "0.1.0");
    }

    private static DatabaseOutcome.Failed failed(String name) {
        return new DatabaseOutcome.Failed(new DatabaseFailure(name, "connection refused", ErrorCategory.OTHER, true, 3), Duration.ofMillis(40));
    }

    private static MultiDatabaseMetadata run() {
        return new MultiDatabaseMetadata(EARLIER, 500, 0, 0, 0, 0, 0, 4, "0.1.0", List.of("from the run"), null);
    }

    private MultiDatabaseManifest manifest() throws IOException {
        Path file = directory.resolve(DirectoryWriter.MANIFEST);
        ContractSchemas.assertValidFile(file);
        return ContractMapper.mapper().readValue(file.toFile(), MultiDatabaseManifest.class);
    }

    private Map<String, ManifestEntry> entries() throws IOException {
        return manifest().databases().stream().collect(Collectors.toMap(ManifestEntry::name, entry -> entry));
    }

    private void assertEveryFileValid() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(ContractSchemas::assertValidFile);
        }
    }

    @Test
    void aNewSweepRecordsItsFiltersOneAttemptPerDatabaseSortedEntriesAndCountsOfItsEntries() throws Exception {
        DirectoryWriter writer = new DirectoryWriter(directory, SERVER, "0.1.0", FILTERS);
        Instant at = Instant.parse("2026-12-01T09:00:00.500Z");
        writer.add(new DatabaseOutcome.Collected(collected("s_b", at), Duration.ofMillis(12)));
        writer.add(failed("s_a"));
        writer.add(new DatabaseOutcome.Skipped("s_c", "the role may not connect to this database"));
        writer.add(new DatabaseOutcome.Filtered("other", "matches no include pattern"));
        writer.markNotReached(List.of("s_a", "s_b", "s_c", "other", "s_d", "x"), Set.of("s_a", "s_b", "s_c", "s_d"),
                DirectoryWriter.NOT_REACHED);

        writer.finish(run());

        MultiDatabaseManifest manifest = manifest();
        assertThat(manifest.filters()).isEqualTo(FILTERS);
        assertThat(manifest.databases()).extracting(ManifestEntry::name).containsExactly("s_a", "s_b", "s_c", "s_d");
        assertThat(manifest.filtered()).extracting(SkippedDatabase::databaseName).containsExactly("other", "x");
        Map<String, ManifestEntry> entries = entries();
        assertThat(entries.get("s_b").attempts()).isEqualTo(1);
        assertThat(entries.get("s_b").lastAttemptAt()).as("the document's collected_at").isEqualTo(at);
        assertThat(entries.get("s_a").attempts()).isEqualTo(1);
        assertThat(entries.get("s_a").lastAttemptAt()).isNotNull();
        assertThat(entries.get("s_c").attempts()).isZero();
        assertThat(entries.get("s_c").lastAttemptAt()).isNull();
        assertThat(entries.get("s_d").status()).isEqualTo(new CollectionStatus.Skipped(DirectoryWriter.NOT_REACHED));
        MultiDatabaseMetadata metadata = manifest.collectionMetadata();
        assertThat(List.of(metadata.databasesDiscovered(), metadata.databasesFiltered(), metadata.databasesCollected(),
                metadata.databasesFailed(), metadata.databasesSkipped())).containsExactly(6, 2, 1, 1, 2);
        assertThat(metadata.warnings()).containsExactly("from the run");
        assertEveryFileValid();
    }

    /** A directory as an earlier run left it: one file per entry, each with content of its own, and its manifest. */
    private MultiDatabaseManifest earlierRun(List<ManifestEntry> entries) throws IOException {
        for (ManifestEntry entry : entries) {
            Files.writeString(directory.resolve(entry.file()), ContractSchemas.assertValid(DatabaseSchema.notCollected(entry.name(),
                    entry.status(), 5, EARLIER, "0.0.9")));
        }
        MultiDatabaseManifest manifest = new MultiDatabaseManifest("1.0", SERVER, entries, new MultiDatabaseMetadata(EARLIER, 100,
                entries.size(), 0, entries.size(), 0, 0, 4, "0.0.9", List.of(), null), List.of(), FILTERS);
        Files.writeString(directory.resolve(DirectoryWriter.MANIFEST), ContractSchemas.assertValid(manifest));
        return manifest;
    }

    private static ManifestEntry entry(String name, CollectionStatus status, int objectFailures, int attempts) {
        return new ManifestEntry(name, name + ".dbsurveyor.json", status, 5, objectFailures, attempts, EARLIER, null);
    }

    private static EnumeratedDatabase database(String name, boolean accessible) {
        return new EnumeratedDatabase(name, "o", "UTF8", "C", 1L, false, accessible);
    }

    @Test
    void aResumeReplacesOnlyWhatItRanAgainCarriesTheHistoryAndNeverReplacesADocumentByAFailure() throws Exception {
        MultiDatabaseManifest before = earlierRun(List.of(
                entry("s_clean", CollectionStatus.SUCCESS, 0, 1),
                entry("s_failed", new CollectionStatus.Failed("timeout"), 0, 2),
                entry("s_partial", CollectionStatus.SUCCESS, 3, 1),
                entry("s_unreached", new CollectionStatus.Skipped(DirectoryWriter.NOT_REACHED), 0, 0),
                entry("s_denied", new CollectionStatus.Failed("permission denied"), 0, 1),
                entry("s_gone", CollectionStatus.SUCCESS, 0, 1)));
        Map<String, byte[]> bytesBefore = Map.of("s_clean", read("s_clean"), "s_partial", read("s_partial"), "s_gone", read("s_gone"));
        Files.writeString(directory.resolve(".s_failed.dbsurveyor.json.12345.tmp"), "half");
        Files.writeString(directory.resolve(".manifest.json.678.tmp"), "half");
        List<EnumeratedDatabase> now = List.of(database("s_clean", true), database("s_failed", true), database("s_partial", true),
                database("s_unreached", true), database("s_denied", false), database("s_new", true), database("s_later", true));
        ResumePlan plan = ResumePlan.of(before, Set.of(), SERVER, now, CONFIG, ResumeScope.ALL, Instant.parse("2026-12-01T10:00:00Z"));
        Instant at = Instant.parse("2026-12-01T10:00:01.000Z");

        DirectoryWriter writer = DirectoryWriter.resuming(directory, plan, "0.1.0", FILTERS);
        assertThat(directory.resolve(".s_failed.dbsurveyor.json.12345.tmp")).as("left by a killed run").doesNotExist();
        assertThat(directory.resolve(".manifest.json.678.tmp")).doesNotExist();
        writer.add(new DatabaseOutcome.Skipped("s_denied", "the role may not connect to this database"));
        writer.add(new DatabaseOutcome.Collected(collected("s_failed", at), Duration.ofMillis(12)));
        writer.add(failed("s_partial"));
        writer.add(new DatabaseOutcome.Collected(collected("s_new", at), Duration.ofMillis(12)));
        writer.markUnfinished(List.of("s_denied", "s_failed", "s_partial", "s_unreached", "s_new", "s_later"), DirectoryWriter.NOT_REACHED);
        writer.finish(run());

        Map<String, ManifestEntry> entries = entries();
        assertThat(read("s_clean")).as("kept byte for byte").isEqualTo(bytesBefore.get("s_clean"));
        assertThat(entries.get("s_clean")).isEqualTo(before.databases().get(0));
        assertThat(entries.get("s_failed")).isEqualTo(new ManifestEntry("s_failed", "s_failed.dbsurveyor.json", CollectionStatus.SUCCESS,
                12, 0, 3, at, null));
        assertThat(read("s_partial")).as("a document is never replaced by the stub of a failure").isEqualTo(bytesBefore.get("s_partial"));
        assertThat(entries.get("s_partial").status()).isEqualTo(CollectionStatus.SUCCESS);
        assertThat(entries.get("s_partial").objectFailureCount()).isEqualTo(3);
        assertThat(entries.get("s_partial").attempts()).isEqualTo(2);
        assertThat(entries.get("s_partial").lastAttemptAt()).isAfter(EARLIER);
        assertThat(entries.get("s_unreached")).as("not reached by this resume either: kept for the next").isEqualTo(before.databases().get(3));
        assertThat(entries.get("s_denied").status()).isEqualTo(new CollectionStatus.Skipped("the role may not connect to this database"));
        assertThat(entries.get("s_denied").attempts()).as("a skip is not an attempt").isEqualTo(1);
        assertThat(entries.get("s_new").attempts()).isEqualTo(1);
        assertThat(entries.get("s_later").status()).isEqualTo(new CollectionStatus.Skipped(DirectoryWriter.NOT_REACHED));
        assertThat(entries.get("s_gone").staleSince()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(read("s_gone")).isEqualTo(bytesBefore.get("s_gone"));
        MultiDatabaseManifest manifest = manifest();
        assertThat(manifest.collectionMetadata().warnings()).containsExactly("from the run",
                "s_partial: collecting it again failed (connection refused); the document collected before is kept");
        MultiDatabaseMetadata metadata = manifest.collectionMetadata();
        assertThat(List.of(metadata.databasesDiscovered(), metadata.databasesCollected(), metadata.databasesFailed(),
                metadata.databasesSkipped())).as("the stale entry is in no count").containsExactly(7, 4, 0, 3);
        assertThat(writer.manifest()).isEqualTo(manifest);
        assertEveryFileValid();
    }

    private byte[] read(String database) throws IOException {
        return Files.readAllBytes(directory.resolve(database + ".dbsurveyor.json"));
    }
}
