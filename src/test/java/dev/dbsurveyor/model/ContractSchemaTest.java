package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.ContractSchemas.Kind;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The schemas accept what the collector writes and v1.0 files, and reject broken documents naming the path. */
class ContractSchemaTest {

    private static JsonNode document() {
        return ContractMapper.mapper().valueToTree(ContractFixtures.fullDocument());
    }

    private static List<String> errorsAfter(Consumer<ObjectNode> breakIt) {
        ObjectNode json = (ObjectNode) document();
        breakIt.accept(json);
        return ContractSchemas.errors(Kind.DOCUMENT, json);
    }

    @Test
    void wrongEnumValueIsRejectedAtItsPath() {
        List<String> errors = errorsAfter(json -> ((ObjectNode) json.get("database_info")).put("access_level", "Everything"));

        assertThat(errors).isNotEmpty().allMatch(error -> error.startsWith("/database_info/access_level"));
    }

    @Test
    void missingRequiredFieldIsRejectedNamingTheField() {
        List<String> errors = errorsAfter(json -> ((ObjectNode) json.at("/tables/0/columns/1")).remove("is_nullable"));

        assertThat(errors).anySatisfy(error -> assertThat(error).startsWith("/tables/0/columns/1").contains("is_nullable"));
    }

    @Test
    void missingTopLevelSectionIsRejected() {
        assertThat(errorsAfter(json -> json.remove("database_info"))).anySatisfy(error -> assertThat(error).contains("database_info"));
    }

    @Test
    void integerBitsOutsideTheAllowedWidthsAreRejected() {
        List<String> errors = errorsAfter(json -> ((ObjectNode) json.at("/tables/0/columns/6/data_type/Integer")).put("bits", 24));

        assertThat(errors).isNotEmpty().allMatch(error -> error.startsWith("/tables/0/columns/6/data_type"));
    }

    @Test
    void negativeSizeIsRejected() {
        List<String> errors = errorsAfter(json -> ((ObjectNode) json.get("database_info")).put("size_bytes", -1));

        assertThat(errors).singleElement().satisfies(error -> assertThat(error).startsWith("/database_info/size_bytes"));
    }

    @Test
    void itemsOfEverySectionAreConstrained() {
        assertThat(errorsAfter(json -> ((ObjectNode) json.at("/views/0")).remove("name"))).anyMatch(e -> e.startsWith("/views/0"));
        assertThat(errorsAfter(json -> ((ObjectNode) json.at("/indexes/0")).put("is_unique", "yes"))).anyMatch(e -> e.startsWith("/indexes/0/is_unique"));
        assertThat(errorsAfter(json -> ((ObjectNode) json.at("/constraints/0")).put("constraint_type", "Key"))).anyMatch(e -> e.startsWith("/constraints/0/constraint_type"));
        assertThat(errorsAfter(json -> ((ObjectNode) json.at("/functions/0")).remove("parameters"))).anyMatch(e -> e.startsWith("/functions/0"));
        assertThat(errorsAfter(json -> ((ObjectNode) json.at("/triggers/0")).put("timing", "During"))).anyMatch(e -> e.startsWith("/triggers/0/timing"));
        assertThat(errorsAfter(json -> ((ObjectNode) json.at("/custom_types/0")).put("category", "Set"))).anyMatch(e -> e.startsWith("/custom_types/0/category"));
        assertThat(errorsAfter(json -> ((ObjectNode) json.at("/samples/0")).put("sample_size", -3))).anyMatch(e -> e.startsWith("/samples/0/sample_size"));
        assertThat(errorsAfter(json -> ((ObjectNode) json.at("/collection_metadata/object_failures/0")).put("stage", "Later")))
                .anyMatch(e -> e.startsWith("/collection_metadata/object_failures/0/stage"));
    }

    @Test
    void taggedUnionsRejectTwoKeysAndUnknownTags() {
        assertThat(errorsAfter(json -> ((ObjectNode) json.at("/tables/0/columns/4/data_type")).putObject("Binary")))
                .anyMatch(e -> e.startsWith("/tables/0/columns/4/data_type"));
        assertThat(errorsAfter(json -> ((ObjectNode) json.at("/tables/0/columns/0")).put("data_type", "Decimal")))
                .anyMatch(e -> e.startsWith("/tables/0/columns/0/data_type"));
    }

    @Test
    void timestampsMustBeRfc3339() {
        assertThat(errorsAfter(json -> ((ObjectNode) json.get("collection_metadata")).put("collected_at", "23/11/2026 15:30")))
                .anyMatch(e -> e.startsWith("/collection_metadata/collected_at"));
    }

    @Test
    void bundleAndManifestRejectBrokenServerInfoAndPaths() {
        ObjectNode bundle = ContractMapper.mapper().valueToTree(ContractFixtures.bundle());
        ((ObjectNode) bundle.get("server_info")).put("host", "postgres://user:secret@db:5432/x");
        assertThat(ContractSchemas.errors(Kind.BUNDLE, bundle)).anyMatch(e -> e.startsWith("/server_info/host"));

        ObjectNode nested = ContractMapper.mapper().valueToTree(ContractFixtures.bundle());
        ((ObjectNode) nested.at("/databases/0/schema/database_info")).remove("name");
        assertThat(ContractSchemas.errors(Kind.BUNDLE, nested)).anyMatch(e -> e.startsWith("/databases/0/schema/database_info"));

        ObjectNode manifest = ContractMapper.mapper().valueToTree(ContractFixtures.manifest());
        ((ObjectNode) manifest.at("/databases/0")).put("file", "../escape.json");
        assertThat(ContractSchemas.errors(Kind.MANIFEST, manifest)).anyMatch(e -> e.startsWith("/databases/0/file"));

        ObjectNode withoutEntries = ContractMapper.mapper().valueToTree(ContractFixtures.manifest());
        withoutEntries.remove("databases");
        assertThat(ContractSchemas.errors(Kind.MANIFEST, withoutEntries)).anyMatch(e -> e.contains("databases"));
    }

    @Test
    void v1DocumentWithoutOurAdditionsValidatesAndReads() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/contract/v1.0-document-without-additions.json")) {
            json = ContractMapper.mapper().readTree(in);
        }
        assertThat(ContractSchemas.errors(Kind.DOCUMENT, json)).isEmpty();

        DatabaseSchema document = ContractMapper.mapper().treeToValue(json, DatabaseSchema.class);

        assertThat(document.collectionMetadata().objectFailures()).isEmpty();
        assertThat(document.tables().get(0).columns().get(0).nativeType()).isNull();
        assertThat(document.tables().get(0).kind()).isNull();
        assertThat(document.indexes().get(0).predicate()).isNull();
        assertThat(document.views().get(0).isMaterialized()).isFalse();
        assertThat(document.triggers().get(0).events()).isEmpty();
        assertThat(document.customTypes().get(0).enumLabels()).isEmpty();
        assertThat(document.samples().get(0).sampleStatus()).isNull();
        assertThat(document.functions().get(0).returnType()).isEqualTo(new UnifiedDataType.IntegerType(64, true));
    }

    @Test
    void minimalV1DocumentWithOnlyRequiredSectionsReads() throws Exception {
        ObjectNode json = (ObjectNode) document();
        List.of("tables", "views", "indexes", "constraints", "procedures", "functions", "triggers", "custom_types", "samples")
                .forEach(json::remove);
        ((ObjectNode) json.get("collection_metadata")).remove(List.of("warnings", "object_failures"));
        assertThat(ContractSchemas.errors(Kind.DOCUMENT, json)).isEmpty();

        DatabaseSchema document = ContractMapper.mapper().treeToValue(json, DatabaseSchema.class);

        assertThat(document.tables()).isEmpty();
        assertThat(document.samples()).isNull();
        assertThat(document.collectionMetadata().warnings()).isEmpty();
    }

    @Test
    void fieldsFromNewerMinorVersionsAreIgnoredOnReading() throws Exception {
        ObjectNode json = (ObjectNode) document();
        json.put("future_field", "x");
        ((ArrayNode) json.get("tables")).forEach(table -> ((ObjectNode) table).put("future_flag", true));

        assertThat(ContractMapper.mapper().treeToValue(json, DatabaseSchema.class)).isEqualTo(ContractFixtures.fullDocument());
    }

    @Test
    void theManifestsHistoryAndFiltersAreCheckedByTheSchema() {
        ObjectNode negative = ContractMapper.mapper().valueToTree(ContractFixtures.manifest());
        ((ObjectNode) negative.at("/databases/0")).put("attempts", -1);
        assertThat(ContractSchemas.errors(Kind.MANIFEST, negative)).anyMatch(e -> e.startsWith("/databases/0/attempts"));

        ObjectNode notATime = ContractMapper.mapper().valueToTree(ContractFixtures.manifest());
        ((ObjectNode) notATime.at("/databases/1")).put("stale_since", "yesterday");
        assertThat(ContractSchemas.errors(Kind.MANIFEST, notATime)).anyMatch(e -> e.startsWith("/databases/1/stale_since"));

        ObjectNode filters = ContractMapper.mapper().valueToTree(ContractFixtures.manifest());
        filters.putObject("filters").put("include_system", false).putArray("include").add("");
        assertThat(ContractSchemas.errors(Kind.MANIFEST, filters)).anyMatch(e -> e.startsWith("/filters"));
    }
}
