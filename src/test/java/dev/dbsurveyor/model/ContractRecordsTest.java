package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.dbsurveyor.output.ContractMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The records refuse to be built invalid, so the collector cannot write what the schema rejects. */
class ContractRecordsTest {

    @Test
    void integerBitsMustBeAFormatWidth() {
        assertThatThrownBy(() -> new UnifiedDataType.IntegerType(24, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bits");
    }

    @Test
    void lengthsAndPrecisionAreInRange() {
        assertThatThrownBy(() -> new UnifiedDataType.StringType(0)).hasMessageContaining("max_length");
        assertThatThrownBy(() -> new UnifiedDataType.BinaryType(-1)).hasMessageContaining("max_length");
        assertThatThrownBy(() -> new UnifiedDataType.FloatType(256)).hasMessageContaining("precision");
        assertThatThrownBy(() -> new UnifiedDataType.CustomType("")).hasMessageContaining("type_name");
    }

    @Test
    void sizesAndCountsAreNotNegative() {
        assertThatThrownBy(() -> new DatabaseInfo("db", null, -1L, null, null, null, false, AccessLevel.FULL, CollectionStatus.SUCCESS))
                .hasMessageContaining("size_bytes");
        assertThatThrownBy(() -> new CollectionMetadata(Instant.EPOCH, -5, "0.1.0", List.of(), List.of()))
                .hasMessageContaining("collection_duration_ms");
    }

    @Test
    void ordinalPositionsCountFromOne() {
        assertThatThrownBy(() -> new Column("c", new UnifiedDataType.DateType(), true, false, false, null, null, 0, null))
                .hasMessageContaining("ordinal_position");
    }

    @Test
    void tablesHaveColumnsAndKeysHaveColumns() {
        assertThatThrownBy(() -> new Table("t", "s", List.of(), null, null, null, null, null, null, null, null))
                .hasMessageContaining("columns");
        assertThatThrownBy(() -> new PrimaryKey("pk", List.of())).hasMessageContaining("columns");
    }

    @Test
    void sweepFiguresAccountForEveryDatabase() {
        assertThatThrownBy(() -> new MultiDatabaseMetadata(Instant.EPOCH, 0, 5, 1, 1, 1, 1, 4, "0.1.0", List.of(), null))
                .hasMessageContaining("databases_discovered");
        assertThatThrownBy(() -> new MultiDatabaseMetadata(Instant.EPOCH, 0, 0, 0, 0, 0, 0, 0, "0.1.0", List.of(), null))
                .hasMessageContaining("max_concurrency");
    }

    @Test
    void serverInfoCannotCarryAUrlOrCredentials() {
        assertThatThrownBy(() -> new ServerInfo(ServerType.POSTGRESQL, "17", "postgres://u:secret@db/x", 5432, 1, "u", false, null, null))
                .hasMessageContaining("host").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new ServerInfo(ServerType.POSTGRESQL, "17", "u:secret@db", 5432, 1, "u", false, null, null))
                .hasMessageNotContaining("secret");
        assertThat(new ServerInfo(ServerType.POSTGRESQL, "17", "::1", 5432, 1, "u", false, null, null).host()).isEqualTo("::1");
    }

    @Test
    void manifestFilesStayInsideTheDirectory() {
        for (String file : List.of("../x.json", "a/b.json", "a\\b.json", "..", ".")) {
            assertThatThrownBy(() -> new ManifestEntry("db", file, CollectionStatus.SUCCESS, 0, 0)).hasMessageContaining("file");
        }
    }

    @Test
    void onlyFormatVersionOneDotZeroIsAccepted() {
        DatabaseSchema document = ContractFixtures.fullDocument();
        assertThatThrownBy(() -> new DatabaseSchema("2.0", document.databaseInfo(), null, null, null, null, null, null, null, null,
                null, document.collectionMetadata(), null)).hasMessageContaining("format_version");
    }

    @Test
    void collectionsAreImmutableCopiesWithoutNulls() {
        List<String> columns = new ArrayList<>(List.of("a"));
        PrimaryKey key = new PrimaryKey("pk", columns);
        columns.add("b");

        assertThat(key.columns()).containsExactly("a");
        assertThatThrownBy(() -> key.columns().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new PrimaryKey("pk", java.util.Arrays.asList("a", null))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void perDatabaseOutputHasOneDocumentPerManifestEntry() {
        assertThatThrownBy(() -> new MultiDatabaseOutput.PerDatabase(ContractFixtures.manifest(), List.of(ContractFixtures.fullDocument())))
                .hasMessageContaining("3 databases");
    }

    @Test
    void readingAnInvalidDocumentFailsInsteadOfBuildingIt() {
        assertThatThrownBy(() -> ContractMapper.mapper().readValue("{\"Integer\":{\"bits\":12,\"signed\":true}}", UnifiedDataType.class))
                .isInstanceOf(ValueInstantiationException.class).hasMessageContaining("bits");
        assertThatThrownBy(() -> ContractMapper.mapper().readValue("\"Text\"", UnifiedDataType.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("not a variant of UnifiedDataType");
        assertThatThrownBy(() -> ContractMapper.mapper().readValue("\"String\"", UnifiedDataType.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("needs data");
        assertThatThrownBy(() -> ContractMapper.mapper().readValue("{\"Date\":null,\"Json\":null}", UnifiedDataType.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("exactly one key");
    }

    @Test
    void aManifestEntryWithoutHistoryCountsOneAttemptUnlessSkipped() {
        assertThat(new ManifestEntry("db", "db.json", CollectionStatus.SUCCESS, 0, 0).attempts()).isEqualTo(1);
        assertThat(new ManifestEntry("db", "db.json", new CollectionStatus.Failed("e"), 0, 0).attempts()).isEqualTo(1);
        assertThat(new ManifestEntry("db", "db.json", new CollectionStatus.Skipped("r"), 0, 0).attempts()).isZero();
        assertThatThrownBy(() -> new ManifestEntry("db", "db.json", CollectionStatus.SUCCESS, 0, 0, -1, null, null))
                .hasMessageContaining("attempts");
        ManifestEntry entry = new ManifestEntry("db", "db.json", CollectionStatus.SUCCESS, 0, 0, 2, Instant.EPOCH, null);
        Instant later = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(entry.staleFrom(later).staleSince()).isEqualTo(later);
        assertThat(entry.staleFrom(later).staleFrom(Instant.MAX).staleSince()).as("first found gone").isEqualTo(later);
        assertThat(entry.attemptedAgain(later)).isEqualTo(new ManifestEntry("db", "db.json", CollectionStatus.SUCCESS, 0, 0, 3, later, null));
    }

    @Test
    void aManifestListsEachDatabaseOnceAndEachFileOnce() {
        MultiDatabaseManifest manifest = ContractFixtures.manifest();
        List<ManifestEntry> twice = List.of(manifest.databases().get(0), manifest.databases().get(0));
        assertThatThrownBy(() -> new MultiDatabaseManifest("1.0", manifest.serverInfo(), twice, manifest.collectionMetadata(), List.of()))
                .hasMessageContaining("inventory twice");
        List<ManifestEntry> sharing = List.of(new ManifestEntry("a", "same.json", CollectionStatus.SUCCESS, 0, 0),
                new ManifestEntry("b", "same.json", CollectionStatus.SUCCESS, 0, 0));
        assertThatThrownBy(() -> new MultiDatabaseManifest("1.0", manifest.serverInfo(), sharing, manifest.collectionMetadata(), List.of()))
                .hasMessageContaining("same.json");
        List<SkippedDatabase> filteredToo = List.of(new SkippedDatabase("inventory", "system database"));
        assertThatThrownBy(() -> new MultiDatabaseManifest("1.0", manifest.serverInfo(), manifest.databases(), manifest.collectionMetadata(),
                filteredToo)).hasMessageContaining("both an entry and filtered");
    }
}
