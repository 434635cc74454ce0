package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ContractRoundTripTest {

    private final ObjectMapper mapper = ContractMapper.mapper();

    static Stream<Object> topLevelDocuments() {
        return Stream.of(ContractFixtures.fullDocument(), ContractFixtures.bundle(), ContractFixtures.manifest());
    }

    @ParameterizedTest
    @MethodSource("topLevelDocuments")
    void topLevelDocumentsRoundTripAndValidate(Object document) throws Exception {
        String json = ContractSchemas.assertValid(document);

        assertThat(mapper.readValue(json, document.getClass())).isEqualTo(document);
    }

    @Test
    void stubDocumentsOfFailedAndSkippedDatabasesValidate() throws Exception {
        for (DatabaseSchema stub : List.of(
                ContractFixtures.stubDocument("broken", new CollectionStatus.Failed("connection refused")),
                ContractFixtures.stubDocument("locked", new CollectionStatus.Skipped("no CONNECT privilege")))) {
            String json = ContractSchemas.assertValid(stub);
            assertThat(mapper.readValue(json, DatabaseSchema.class)).isEqualTo(stub);
        }
    }

    @Test
    void serverLevelRecordsRoundTrip() throws Exception {
        for (Object value : List.of(ContractFixtures.enumeratedDatabase(), ContractFixtures.serverInfo(ServerType.MYSQL),
                ContractFixtures.sweepMetadata(), ContractFixtures.bundle().failures().get(0),
                ContractFixtures.manifest().databases().get(2))) {
            String json = mapper.writeValueAsString(value);
            assertThat(mapper.readValue(json, value.getClass())).as(json).isEqualTo(value);
        }
    }

    @Test
    void everyUnifiedDataTypeVariantIsWrittenExternallyTagged() throws Exception {
        List<UnifiedDataType> types = ContractFixtures.everyDataType();
        Set<Class<?>> covered = types.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(UnifiedDataType.class.getPermittedSubclasses());

        assertThat(mapper.writeValueAsString(new UnifiedDataType.BooleanType())).isEqualTo("\"Boolean\"");
        assertThat(mapper.readTree(mapper.writeValueAsString(new UnifiedDataType.IntegerType(16, true))))
                .isEqualTo(mapper.readTree("{\"Integer\":{\"bits\":16,\"signed\":true}}"));
        assertThat(mapper.readTree(mapper.writeValueAsString(new UnifiedDataType.ArrayType(new UnifiedDataType.UuidType()))))
                .isEqualTo(mapper.readTree("{\"Array\":{\"element_type\":\"Uuid\"}}"));
        for (UnifiedDataType type : types) {
            assertThat(mapper.readValue(mapper.writeValueAsString(type), UnifiedDataType.class)).isEqualTo(type);
        }
    }

    @Test
    void everyVariantOfTheOtherUnionsRoundTrips() throws Exception {
        assertThat(mapper.writeValueAsString(CollectionStatus.SUCCESS)).isEqualTo("\"Success\"");
        assertThat(mapper.readTree(mapper.writeValueAsString(new CollectionStatus.Failed("boom"))))
                .isEqualTo(mapper.readTree("{\"Failed\":{\"error\":\"boom\"}}"));
        List<Object> variants = List.of(CollectionStatus.SUCCESS, new CollectionStatus.Failed("e"), new CollectionStatus.Skipped("r"),
                new SamplingStrategy.MostRecent(3), new SamplingStrategy.Random(4), new SamplingStrategy.None(),
                new SampleStatus.Complete(), new SampleStatus.PartialRetry(8), new SampleStatus.Skipped("denied"));
        for (Object variant : variants) {
            Class<?> union = variant.getClass().getInterfaces()[0];
            assertThat(mapper.readValue(mapper.writeValueAsString(variant), union)).isEqualTo(variant);
        }
        Set<Class<?>> covered = variants.stream().map(Object::getClass).collect(Collectors.toSet());
        Stream.of(CollectionStatus.class, SamplingStrategy.class, SampleStatus.class)
                .forEach(union -> assertThat(covered).contains(union.getPermittedSubclasses()));
    }

    static Stream<Class<? extends Enum<?>>> contractEnums() {
        return Stream.of(AccessLevel.class, ReferentialAction.class, SortOrder.class, ConstraintType.class,
                ParameterDirection.class, TriggerEvent.class, TriggerTiming.class, TypeCategory.class, TableKind.class,
                ObjectType.class, CollectionStage.class, ErrorCategory.class, ServerType.class, OutputMode.class);
    }

    @ParameterizedTest
    @MethodSource("contractEnums")
    void everyEnumConstantRoundTripsUnderItsContractName(Class<? extends Enum<?>> type) throws Exception {
        for (Enum<?> constant : type.getEnumConstants()) {
            String json = mapper.writeValueAsString(constant);
            assertThat(json).as("%s.%s", type.getSimpleName(), constant).matches("\"[A-Z][A-Za-z]*\"");
            assertThat(mapper.readValue(json, type)).isEqualTo(constant);
        }
    }

    @Test
    void enumNamesAreThoseOfTheFormat() throws Exception {
        assertThat(names(ReferentialAction.class)).containsExactly("Cascade", "SetNull", "SetDefault", "Restrict", "NoAction");
        assertThat(names(ParameterDirection.class)).containsExactly("In", "Out", "InOut");
        assertThat(names(TriggerTiming.class)).containsExactly("Before", "After", "InsteadOf");
        assertThat(names(ServerType.class)).containsExactly("PostgreSQL", "MySQL", "MariaDB", "SQLite");
        assertThat(names(CollectionStage.class)).contains("EnumerateSchemas", "CollectConstraints");
        assertThat(names(ErrorCategory.class)).containsExactly("Permission", "Timeout", "NotFound", "InvalidData", "Other");
        assertThat(names(OutputMode.class)).containsExactly("SingleBundle", "OnePerDatabase");
    }

    private List<String> names(Class<? extends Enum<?>> type) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        for (Enum<?> constant : Arrays.asList(type.getEnumConstants())) {
            names.add(mapper.readValue(mapper.writeValueAsString(constant), String.class));
        }
        return names;
    }

    @Test
    void absentOptionalsAreWrittenAsNullAndTimestampsAsRfc3339Utc() throws Exception {
        var json = mapper.readTree(mapper.writeValueAsString(ContractFixtures.fullDocument()));

        assertThat(json.at("/tables/0/columns/0/default_value").isNull()).isTrue();
        assertThat(json.at("/tables/1/primary_key").isNull()).isTrue();
        assertThat(json.at("/collection_metadata/collected_at").asText()).isEqualTo("2026-11-23T15:30:00.125Z");
        assertThat(json.at("/samples/3").has("sample_status")).as("sample_status is omitted when absent").isFalse();
        assertThat(json.at("/samples/0/rows/0/amount").asText()).isEqualTo("12345678901234567890.5");
    }

    @Test
    void aManifestWithHistoryStaleEntriesAndFiltersRoundTripsAndValidates() throws Exception {
        MultiDatabaseManifest base = ContractFixtures.manifest();
        Instant at = Instant.parse("2026-12-01T08:00:00.250Z");
        MultiDatabaseManifest manifest = new MultiDatabaseManifest("1.0", base.serverInfo(),
                List.of(new ManifestEntry("inventory", "inventory.dbsurveyor.json", CollectionStatus.SUCCESS, 1_843, 9, 3, at, null),
                        new ManifestEntry("gone", "gone.dbsurveyor.json", CollectionStatus.SUCCESS, 20, 0, 1, at, at.plusSeconds(60))),
                base.collectionMetadata(), base.filtered(), new SweepFilters(false, List.of("inv*", "gone"), List.of("*_old")));

        String json = ContractSchemas.assertValid(manifest);

        assertThat(mapper.readValue(json, MultiDatabaseManifest.class)).isEqualTo(manifest);
        var tree = mapper.readTree(json);
        assertThat(tree.at("/databases/0/last_attempt_at").asText()).isEqualTo("2026-12-01T08:00:00.250Z");
        assertThat(tree.at("/databases/0/stale_since").isNull()).isTrue();
        assertThat(tree.at("/databases/1/stale_since").asText()).isEqualTo("2026-12-01T08:01:00.250Z");
        assertThat(tree.at("/filters/include/1").asText()).isEqualTo("gone");
    }

    @Test
    void aManifestWithoutTheHistoryAdditionsStillReads() throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.valueToTree(ContractFixtures.manifest());
        tree.remove("filters");
        tree.withArray("databases").forEach(entry -> ((com.fasterxml.jackson.databind.node.ObjectNode) entry)
                .remove(List.of("attempts", "last_attempt_at", "stale_since")));
        ContractSchemas.assertValid(ContractSchemas.Kind.MANIFEST, tree.toString());

        MultiDatabaseManifest read = mapper.treeToValue(tree, MultiDatabaseManifest.class);

        assertThat(read.filters()).isNull();
        assertThat(read.databases()).extracting(ManifestEntry::attempts).containsExactly(1, 1, 0);
        assertThat(read.databases()).allSatisfy(entry -> assertThat(entry.lastAttemptAt()).isNull());
    }
}
