package dev.dbsurveyor.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.UpstreamLoaderRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What upstream's loader would say about a document: each rule shown refusing at the right
 * pointer, step and reason, and the forms upstream takes shown accepted. Every case is also held
 * against {@link UpstreamLoaderRules}, so the two statements of the rules agree on it.
 */
class UpstreamLoaderTest {

    private static final String MINIMAL = """
            {"format_version": "1.0",
             "database_info": {"name": "shop", "access_level": "Full", "collection_status": "Success"},
             "tables": [], "views": [], "indexes": [], "constraints": [], "procedures": [], "functions": [],
             "triggers": [], "custom_types": [],
             "collection_metadata": {"collected_at": "2026-11-23T15:30:00.125Z", "collection_duration_ms": 5,
                                     "collector_version": "0.1.0", "warnings": []}}
            """;

    private static final String TABLE = """
            {"name": "orders", "schema": "public", "primary_key": null, "foreign_keys": [], "indexes": [], "constraints": [],
             "comment": null, "row_count": 3,
             "columns": [{"name": "id", "data_type": {"Integer": {"bits": 64, "signed": true}}, "is_nullable": false,
                          "is_primary_key": true, "is_auto_increment": true, "default_value": null, "comment": null,
                          "ordinal_position": 1}]}
            """;

    private static final String SAMPLE = """
            {"table_name": "orders", "schema_name": "public", "rows": [{"id": 1}], "sample_size": 1, "total_rows": 3,
             "sampling_strategy": {"MostRecent": {"limit": 10}}, "collected_at": "2026-11-23T15:30:00Z", "warnings": []}
            """;

    @Test
    void aMinimalDocumentLoads() {
        UpstreamVerdict verdict = verdict(MINIMAL);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.form()).isEqualTo(UpstreamVerdict.Form.DOCUMENT);
        assertThat(verdict.documents()).isOne();
    }

    @Test
    void anExclusionConstraintIsAVariantUpstreamDoesNotKnow() {
        String json = with(MINIMAL, document -> document.withArray("constraints").add(object("""
                {"name": "no_overlap", "table_name": "bookings", "schema": "public", "constraint_type": "Exclusion",
                 "columns": ["during"], "check_clause": "EXCLUDE USING gist (during WITH &&)"}""")));

        assertOnlyRefusal(json, "/constraints/0/constraint_type", UpstreamRefusal.Step.DESERIALIZE,
                "unknown variant \"Exclusion\" of ConstraintType, upstream knows PrimaryKey, ForeignKey, Unique, Check, NotNull");
    }

    @Test
    void aTruncateTriggerIsAVariantUpstreamDoesNotKnow() {
        String json = with(MINIMAL, document -> document.withArray("triggers").add(object("""
                {"name": "audit", "table_name": "orders", "schema": "public", "event": "Truncate", "timing": "After",
                 "definition": null}""")));

        assertOnlyRefusal(json, "/triggers/0/event", UpstreamRefusal.Step.DESERIALIZE,
                "unknown variant \"Truncate\" of TriggerEvent, upstream knows Insert, Update, Delete");
    }

    @Test
    void aRoutineBodyWithKeyEqualsIsRefusedButWithSpacesItLoads() {
        String spaced = routine("UPDATE settings SET value = 1 WHERE setting_key = k");
        String tight = routine("UPDATE settings SET value = 1 WHERE setting_key=k");

        assertThat(UpstreamLoader.refusals(spaced)).isEmpty();
        UpstreamRefusal refusal = assertOnlyRefusal(tight, "/functions/0/definition", UpstreamRefusal.Step.CREDENTIAL_SCAN,
                "the string contains \"key=\"");
        assertThat(refusal.excerpt()).isEqualTo("UPDATE settings SET value = 1 WHERE setting_key=k");
    }

    @Test
    void aSampledUrlWithATokenIsRefusedWithTheStringShown() {
        String json = sampleWithRow("{\"url\": \"https://x/?token=abc\"}");

        UpstreamRefusal refusal = assertOnlyRefusal(json, "/samples/0/rows/0/url", UpstreamRefusal.Step.CREDENTIAL_SCAN,
                "the string contains \"token=\"");
        assertThat(refusal.excerpt()).isEqualTo("https://x/?token=abc");
        assertThat(refusal.describe()).isEqualTo("/samples/0/rows/0/url: upstream's credential scan: the string contains \"token=\""
                + " (a secret pattern) [https://x/?token=abc]");
    }

    @Test
    void aConnectionStringWithCredentialsIsRefused() {
        String json = with(MINIMAL, document -> document.withObjectProperty("database_info").put("owner", "see postgresql://user:pw@host/db"));

        UpstreamRefusal refusal = assertOnlyRefusal(json, "/database_info/owner", UpstreamRefusal.Step.CREDENTIAL_SCAN,
                "postgresql:// connection string with credentials");
        assertThat(refusal.excerpt()).isEqualTo("see postgresql://user:pw@host/db");
    }

    @Test
    void aConnectionStringIsOnlyRefusedWhenItsColonAndAtSignAreOnItsLine() {
        assertThat(UpstreamLoader.refusals(routine("-- postgresql://host/db\n:@"))).isEmpty();
        assertThat(UpstreamLoader.refusals(routine("-- mysql://host/db:x@y"))).hasSize(1);
        assertThat(UpstreamLoader.refusals(routine("-- postgresql://host/db\u2028:@"))).as("Rust's . stops only at \\n").hasSize(1);
    }

    @Test
    void keysAreNotScannedOnlyValues() {
        assertThat(UpstreamLoader.refusals(sampleWithRow("{\"token=abc\": 1}"))).isEmpty();
    }

    @Test
    void aLongStringIsCutToAboutEightyCharactersAroundTheMatch() {
        String body = "x".repeat(500) + " password=hunter2 " + "y".repeat(500);

        UpstreamRefusal refusal = UpstreamLoader.refusals(routine(body)).get(0);

        assertThat(refusal.excerpt()).startsWith("…").endsWith("…").contains("password=hunter2").hasSizeLessThanOrEqualTo(82);
    }

    @Test
    void aNumberOf400DigitsInASampleRowIsBeyondWhatSerdeJsonReads() {
        String json = sampleWithRow("{\"n\": " + "9".repeat(400) + "}");

        assertOnlyRefusal(json, "/samples/0/rows/0/n", UpstreamRefusal.Step.PARSE, "beyond the range of a double");
    }

    @Test
    void aTwentyDigitIntegerBeyondU64IsADoubleToSerdeJsonSoARowTakesItAndACountDoesNot() {
        String twentyDigits = "99999999999999999999";

        assertThat(UpstreamLoader.refusals(sampleWithRow("{\"n\": " + twentyDigits + "}"))).isEmpty();
        String asRowCount = with(MINIMAL, document -> document.withArray("tables").add(table(t -> t.put("row_count", 0))))
                .replace("\"row_count\":0", "\"row_count\":" + twentyDigits);
        assertOnlyRefusal(asRowCount, "/tables/0/row_count", UpstreamRefusal.Step.DESERIALIZE,
                "expected u64, found the floating point number");
    }

    @Test
    void theLargestU64IsExactAndFitsARowCountButNotAnOrdinalPosition() {
        String json = with(MINIMAL, document -> document.withArray("tables").add(table(t -> t.put("row_count", 0))))
                .replace("\"row_count\":0", "\"row_count\":18446744073709551615");
        assertThat(UpstreamLoader.refusals(json)).isEmpty();

        String position = with(MINIMAL, document -> document.withArray("tables").add(table(t -> { })))
                .replace("\"ordinal_position\":1", "\"ordinal_position\":4294967296");
        assertOnlyRefusal(position, "/tables/0/columns/0/ordinal_position", UpstreamRefusal.Step.DESERIALIZE,
                "the integer 4294967296 does not fit u32");
    }

    @Test
    void minusZeroAndAWholeDoubleAreDoublesToSerdeJson() {
        String json = with(MINIMAL, document -> document.withArray("tables").add(table(t -> t.put("row_count", 0))));

        assertOnlyRefusal(json.replace("\"row_count\":0", "\"row_count\":-0"), "/tables/0/row_count", UpstreamRefusal.Step.DESERIALIZE,
                "floating point");
        assertOnlyRefusal(json.replace("\"row_count\":0", "\"row_count\":3.0"), "/tables/0/row_count", UpstreamRefusal.Step.DESERIALIZE,
                "floating point");
    }

    @Test
    void serdeJsonsOwnArithmeticDecidesTheEdgeOfTheDoubleRange() {
        // serde_json keeps 17 digits and multiplies once by 1e292: 17976931348623158 overflows there,
        // though a correctly rounding reader (Java's) makes that text the largest double.
        assertThat(Double.parseDouble("1.7976931348623158E308")).isEqualTo(Double.MAX_VALUE);
        assertOnlyRefusal(sampleWithRow("{\"f\": 1.7976931348623158E308}"), "/samples/0/rows/0/f", UpstreamRefusal.Step.PARSE,
                "beyond the range of a double");
        assertThat(UpstreamLoader.refusals(sampleWithRow("{\"f\": " + Double.MAX_VALUE + "}"))).isEmpty();
        assertThat(UpstreamLoader.refusals(sampleWithRow("{\"f\": 1e-400, \"g\": 0e999999999999, \"h\": -4.9E-324}"))).isEmpty();
        assertThat(UpstreamLoader.refusals(sampleWithRow("{\"f\": -1e309}"))).hasSize(1);
        assertThat(UpstreamLoader.refusals(sampleWithRow("{\"f\": 1e99999999999}"))).hasSize(1);
    }

    @Test
    void aTableWithoutColumnsBreaksUpstreamsSchema() {
        String json = with(MINIMAL, document -> document.withArray("tables").add(table(t -> t.putArray("columns"))));

        assertOnlyRefusal(json, "/tables/0/columns", UpstreamRefusal.Step.SCHEMA, "a table must have at least one column");
    }

    @Test
    void anOrdinalPositionOfZeroBreaksUpstreamsSchema() {
        String json = with(MINIMAL, document -> document.withArray("tables")
                .add(table(t -> ((ObjectNode) t.withArray("columns").get(0)).put("ordinal_position", 0))));

        assertOnlyRefusal(json, "/tables/0/columns/0/ordinal_position", UpstreamRefusal.Step.SCHEMA, "must be an integer of at least 1");
    }

    @Test
    void integerBitsOutsideTheFiveWidthsBreakUpstreamsSchemaInATableButNotInAView() {
        String json = with(MINIMAL, document -> {
            ObjectNode table = table(t -> { });
            ((ObjectNode) table.withArray("columns").get(0)).set("data_type", object("{\"Integer\": {\"bits\": 24, \"signed\": true}}"));
            document.withArray("tables").add(table);
            ObjectNode view = object("{\"name\": \"v\", \"columns\": []}");
            view.withArray("columns").add(table.withArray("columns").get(0).deepCopy());
            document.withArray("views").add(view);
        });

        assertOnlyRefusal(json, "/tables/0/columns/0/data_type/Integer/bits", UpstreamRefusal.Step.SCHEMA, "bits must be one of");
    }

    @Test
    void aFormatVersionOtherThanOnePointZeroIsRefusedFirst() {
        assertOnlyRefusal(MINIMAL.replace("\"1.0\"", "\"1.1\""), "/format_version", UpstreamRefusal.Step.FORMAT_VERSION,
                "format_version is \"1.1\"; upstream loads only \"1.0\"");
        assertOnlyRefusal(MINIMAL.replace("\"format_version\": \"1.0\",", ""), "/format_version", UpstreamRefusal.Step.FORMAT_VERSION,
                "missing");
    }

    @Test
    void aListSerdeRequiresIsAMissingFieldThoughUpstreamsSchemaDefaultsIt() {
        String json = with(MINIMAL, document -> document.remove("views"));

        assertOnlyRefusal(json, "/views", UpstreamRefusal.Step.DESERIALIZE, "missing field views of DatabaseSchema");
    }

    @Test
    void aFieldUpstreamsSchemaRequiresIsRefusedAtTheSchemaStep() {
        String json = with(MINIMAL, document -> document.withObjectProperty("database_info").remove("name"));

        assertOnlyRefusal(json, "/database_info/name", UpstreamRefusal.Step.SCHEMA, "name is required");
    }

    @Test
    void unknownFieldsAreIgnoredAsSerdeDoesWithoutDenyUnknownFields() {
        String json = with(MINIMAL, document -> {
            document.putArray("events").add("nightly");
            document.withObjectProperty("collection_metadata").putArray("object_failures");
            document.withArray("tables").add(table(t -> ((ObjectNode) t.withArray("columns").get(0)).put("native_type", "bigint")));
        });

        assertThat(UpstreamLoader.refusals(json)).isEmpty();
    }

    @Test
    void aUnitVariantMayBeAOneKeyObjectHoldingNullWhereOnlySerdeReadsIt() {
        String inConstraint = with(MINIMAL, document -> document.withArray("constraints").add(object("""
                {"name": "u", "table_name": "t", "constraint_type": {"Unique": null}, "columns": []}""")));
        String inTableColumn = with(MINIMAL, document -> document.withArray("tables").add(table(t ->
                ((ObjectNode) t.withArray("columns").get(0)).set("data_type", object("{\"Boolean\": null}")))));

        assertThat(UpstreamLoader.refusals(inConstraint)).isEmpty();
        assertOnlyRefusal(inTableColumn, "/tables/0/columns/0/data_type", UpstreamRefusal.Step.SCHEMA, "data_type must be");
    }

    @Test
    void serdeReadsAStructFromAnArrayOfItsFieldsInOrder() {
        String whole = with(MINIMAL, document -> document.withArray("indexes").add(array("[\"i\", \"t\", null, [], true, false, null]")));
        String short1 = with(MINIMAL, document -> document.withArray("indexes").add(array("[\"i\", \"t\", null, [], true, false]")));

        assertThat(UpstreamLoader.refusals(whole)).isEmpty();
        assertThat(UpstreamLoader.refusals(short1)).singleElement().satisfies(refusal -> {
            assertThat(refusal.pointer()).isEqualTo("/indexes/0");
            assertThat(refusal.reason()).contains("too short for struct Index");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T15:30:00Z", "2026-11-23t15:30:00.123456789z", "2026-11-23 15:30:00 +0000", "2026-1-2T3:4:5+05:30",
            "2026-11-23T15:30:60Z", " 2026-11-23T15:30:00 UTC ", "+12026-11-23T15:30:00Z", "2026-11-23T15:30:00\u221205:00"})
    void chronoReadsTheseTimestamps(String timestamp) {
        assertThat(UpstreamLoader.refusals(withCollectedAt(timestamp))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T15:30:00", "2026-02-30T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T15:30:00+05",
            "12026-11-23T15:30:00Z", "2026-11-23T15:30:00+24:00", "2026-11-23T15:30:00.Z", "2026-11-23"})
    void chronoRefusesTheseTimestamps(String timestamp) {
        assertOnlyRefusal(withCollectedAt(timestamp), "/collection_metadata/collected_at", UpstreamRefusal.Step.DESERIALIZE,
                "chrono does not read");
    }

    @Test
    void aLoneSurrogateIsRefusedWhileParsing() {
        String json = MINIMAL.replace("\"name\": \"shop\"", "\"name\": \"sh\\ud800op\"");

        assertOnlyRefusal(json, "/database_info/name", UpstreamRefusal.Step.PARSE, "lone surrogate");
        assertThat(UpstreamLoader.refusals(MINIMAL.replace("\"name\": \"shop\"", "\"name\": \"\\ud83d\\ude00\""))).isEmpty();
    }

    @Test
    void serdeJsonRefusesTheHundredAndTwentyEighthNestedContainer() {
        // The row is the fifth container of the document: root, samples, the sample, rows, the row.
        String deepest = "[".repeat(122) + "]".repeat(122);
        String tooDeep = "[".repeat(123) + "]".repeat(123);

        assertThat(UpstreamLoader.refusals(sampleWithRow("{\"v\": " + deepest + "}"))).isEmpty();
        assertOnlyRefusal(sampleWithRow("{\"v\": " + tooDeep + "}"), "/samples/0/rows/0/v" + "/0".repeat(122), UpstreamRefusal.Step.PARSE,
                "nested 128 deep");
    }

    @Test
    void textThatIsNotJsonOrHasMoreAfterItOrABomIsRefusedAsAWhole() {
        assertOnlyRefusal("{\"format_version\": ", "", UpstreamRefusal.Step.PARSE, "not JSON that serde_json reads");
        assertOnlyRefusal(MINIMAL + "{}", "", UpstreamRefusal.Step.PARSE, "trailing characters");
        assertOnlyRefusal("\uFEFF" + MINIMAL, "", UpstreamRefusal.Step.PARSE, "byte-order mark");
        assertThat(UpstreamLoader.verdict(new byte[] {'{', (byte) 0xC3, '}'}).refusals()).singleElement()
                .satisfies(refusal -> assertThat(refusal.reason()).contains("not valid UTF-8"));
    }

    @Test
    void stubDocumentsOfFailedAndSkippedDatabasesLoad() {
        assertThat(UpstreamLoader.refusals(ContractFixtures.stubDocument("broken", new CollectionStatus.Failed("connection refused"))))
                .isEmpty();
        assertThat(UpstreamLoader.refusals(ContractFixtures.stubDocument("locked", new CollectionStatus.Skipped("no CONNECT"))))
                .isEmpty();
    }

    @Test
    void theFullFixtureWithEveryAdditionOfOursLoads() {
        assertThat(UpstreamLoader.refusals(ContractFixtures.fullDocument())).isEmpty();
    }

    @Test
    void aBundleIsJudgedByEachEmbeddedDocumentAtItsPointer() throws Exception {
        ObjectNode bundle = (ObjectNode) ContractMapper.mapper().readTree(ContractSchemas.assertValid(ContractFixtures.bundle()));
        ((ObjectNode) bundle.at("/databases/0/schema/tables/0/constraints/5")).put("constraint_type", "Exclusion");
        ((ObjectNode) bundle.at("/databases/0/schema/constraints/5")).put("constraint_type", "Exclusion");
        UpstreamVerdict verdict = UpstreamLoader.verdict(bundle.toString());

        assertThat(verdict.form()).isEqualTo(UpstreamVerdict.Form.BUNDLE);
        assertThat(verdict.documents()).isOne();
        assertThat(verdict.refusals()).extracting(UpstreamRefusal::pointer)
                .containsExactly("/databases/0/schema/tables/0/constraints/5/constraint_type", "/databases/0/schema/constraints/5/constraint_type");
    }

    @Test
    void aManifestHoldsNoDocumentSoNothingInItIsJudged() {
        UpstreamVerdict verdict = UpstreamLoader.verdict(ContractSchemas.assertValid(ContractFixtures.manifest()));

        assertThat(verdict.form()).isEqualTo(UpstreamVerdict.Form.MANIFEST);
        assertThat(verdict.documents()).isZero();
        assertThat(verdict.accepted()).isTrue();
    }

    @Test
    void eachPointerIsReportedOnceAtTheFirstStepThatRefusesIt() {
        String json = with(MINIMAL, document -> document.withArray("tables")
                .add(table(t -> ((ObjectNode) t.withArray("columns").get(0)).put("ordinal_position", -1))));

        assertOnlyRefusal(json, "/tables/0/columns/0/ordinal_position", UpstreamRefusal.Step.SCHEMA, "at least 1");
    }

    @Test
    void describeKeepsAHostileStringOnOneLine() {
        UpstreamRefusal refusal = new UpstreamRefusal("/a", UpstreamRefusal.Step.CREDENTIAL_SCAN, "r", "x\n\u001b[31mkey=\u202e");

        assertThat(refusal.describe()).isEqualTo("/a: r [x\\u000a\\u001b[31mkey=\\u202e]");
    }

    private static UpstreamVerdict verdict(String json) {
        UpstreamVerdict verdict = UpstreamLoader.verdict(json.getBytes(StandardCharsets.UTF_8));
        ContractSchemas.assertUpstreamAgreement(json, "the case");
        return verdict;
    }

    private static UpstreamRefusal assertOnlyRefusal(String json, String pointer, UpstreamRefusal.Step step, String reason) {
        List<UpstreamRefusal> refusals = verdict(json).refusals();
        assertThat(refusals).as(refusals.toString()).hasSize(1);
        UpstreamRefusal refusal = refusals.get(0);
        assertThat(refusal.pointer()).isEqualTo(pointer);
        assertThat(refusal.step()).isEqualTo(step);
        assertThat(refusal.reason()).contains(reason);
        return refusal;
    }

    private static String routine(String body) {
        return with(MINIMAL, document -> document.withArray("functions").add(object("""
                {"name": "f", "schema": "public", "parameters": [], "return_type": null, "language": "sql", "comment": null}""")
                .put("definition", body)));
    }

    private static String sampleWithRow(String row) {
        return with(MINIMAL, document -> document.putArray("samples").add(object(SAMPLE))).replace("[{\"id\":1}]", "[" + row + "]");
    }

    private static String withCollectedAt(String timestamp) {
        return with(MINIMAL, document -> document.withObjectProperty("collection_metadata").put("collected_at", timestamp));
    }

    private static ObjectNode table(Consumer<ObjectNode> change) {
        ObjectNode table = object(TABLE);
        change.accept(table);
        return table;
    }

    private static String with(String json, Consumer<ObjectNode> change) {
        ObjectNode document = object(json);
        change.accept(document);
        return document.toString();
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) tree(json);
    }

    private static ArrayNode array(String json) {
        return (ArrayNode) tree(json);
    }

    private static JsonNode tree(String json) {
        try {
            return ContractMapper.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
