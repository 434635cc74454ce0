package dev.dbsurveyor.sampling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.UnifiedDataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleRowsTest {

    private static final Table TABLE = new Table("t", "s", List.of(
            new Column("id", new UnifiedDataType.IntegerType(32, true), false, true, false, null, null, 1, null),
            new Column("email", new UnifiedDataType.StringType(null), true, false, false, null, null, 2, null),
            new Column("body", new UnifiedDataType.StringType(null), true, false, false, null, null, 3, null),
            new Column("blob", new UnifiedDataType.BinaryType(null), true, false, false, null, null, 4, null),
            new Column("doc", new UnifiedDataType.JsonType(), true, false, false, null, null, 5, null)),
            null, List.of(), List.of(), List.of(), null, null, null, null);

    @Test
    void sensitiveValuesAreRedactedAndNullsStayNull() {
        SampleRows.Fitted fitted = new SampleRows(TABLE, config().build()).fit(List.of(row(1, "a@example.com"), row(2, null)));

        assertThat(fitted.rows().get(0).get("email").asText()).isEqualTo(SensitiveColumns.REDACTED);
        assertThat(fitted.rows().get(1).get("email").isNull()).isTrue();
        assertThat(fitted.warnings()).singleElement().asString().contains("email");
    }

    @Test
    void nothingIsRedactedWhenRedactionIsOff() {
        SampleRows.Fitted fitted = new SampleRows(TABLE, config().redact(false).build()).fit(List.of(row(1, "a@example.com")));

        assertThat(fitted.rows().get(0).get("email").asText()).isEqualTo("a@example.com");
        assertThat(fitted.warnings()).isEmpty();
    }

    @Test
    void longValuesAreCutWithoutSplittingACharacterAndCutBytesStillDecode() {
        ObjectNode row = row(1, null);
        row.put("body", "a".repeat(21) + "😀" + "b".repeat(40));
        row.put("blob", Base64.getEncoder().encodeToString(new byte[60]));
        row.putObject("doc").put("text", "x".repeat(100));

        ObjectNode fitted = new SampleRows(TABLE, config().maxValueLength(22).build()).fit(List.of(row)).rows().get(0);

        assertThat(fitted.get("body").asText()).isEqualTo("a".repeat(21) + SampleValues.TRUNCATION_MARKER);
        String blob = fitted.get("blob").asText();
        assertThat(blob).endsWith(SampleValues.TRUNCATION_MARKER);
        assertThat(Base64.getDecoder().decode(blob.substring(0, blob.length() - SampleValues.TRUNCATION_MARKER.length()))).hasSize(15);
        assertThat(fitted.get("doc").asText()).startsWith("{\"text\":\"xxx").endsWith(SampleValues.TRUNCATION_MARKER);
        assertThat(fitted.get("id").asInt()).isEqualTo(1);
    }

    @Test
    void rowsBeyondTheByteCeilingAreLeftOutWithAWarning() {
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ObjectNode row = row(i, null);
            row.put("body", "x".repeat(90));
            rows.add(row);
        }

        SampleRows.Fitted fitted = new SampleRows(TABLE, config().maxSampleBytes(2_048).build()).fit(rows);

        assertThat(fitted.rows()).hasSizeBetween(10, 20);
        assertThat(fitted.rows().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2_048);
        assertThat(fitted.warnings()).anySatisfy(warning -> assertThat(warning).contains("of 100 rows").contains("2048 bytes"));
    }

    @Test
    void valuesThatLookLikeCredentialsAreRedactedWhereverTheyAreAndTheirColumnsNamed() throws Exception {
        ObjectNode row = row(1, null);
        row.put("body", "see https://cdn.example.com/a.png?token=abc123");
        row.set("doc", SampleValues.parseExactly("{\"links\":[\"https://ok.example.com\",\"postgresql://app:pw@db/x\"],\"n\":1}"));
        ObjectNode plain = row(2, null);
        plain.put("body", "nothing to see");

        SampleRows.Fitted fitted = new SampleRows(TABLE, config().build()).fit(List.of(row, plain));

        assertThat(fitted.rows().get(0).get("body").asText()).isEqualTo(SensitiveColumns.REDACTED);
        assertThat(fitted.rows().get(0).get("doc").toString()).isEqualTo("{\"links\":[\"https://ok.example.com\",\"[REDACTED]\"],\"n\":1}");
        assertThat(fitted.rows().get(1).get("body").asText()).isEqualTo("nothing to see");
        assertThat(fitted.warnings()).anySatisfy(warning -> assertThat(warning).contains("look like credentials").contains("body, doc"));
    }

    @Test
    void credentialLookingValuesStayWhenRedactionIsOff() {
        ObjectNode row = row(1, null);
        row.put("body", "api_key=abc");

        SampleRows.Fitted fitted = new SampleRows(TABLE, config().redact(false).build()).fit(List.of(row));

        assertThat(fitted.rows().get(0).get("body").asText()).isEqualTo("api_key=abc");
    }

    @Test
    void numbersADoubleCannotHoldAreWrittenAsTheirDigitsAndListed() throws Exception {
        String huge = "1" + "0".repeat(399);
        ObjectNode first = row(1, null);
        first.set("doc", SampleValues.parseExactly("{\"big\":" + huge + ",\"small\":12.5,\"list\":[9007199254740993,1]}"));
        ObjectNode second = row(2, null);
        second.set("id", SampleValues.integer(new java.math.BigInteger("18446744073709551615")));
        second.set("body", SampleValues.decimal(new java.math.BigDecimal("12345678901234567890.0123456789")));

        SampleRows.Fitted fitted = new SampleRows(TABLE, config().build()).fit(List.of(first, second));

        assertThat(fitted.rows().get(0).at("/doc/big").textValue()).isEqualTo(huge);
        assertThat(fitted.rows().get(0).at("/doc/small").isNumber()).isTrue();
        assertThat(fitted.rows().get(0).at("/doc/list/0").textValue()).isEqualTo("9007199254740993");
        assertThat(fitted.rows().get(0).at("/doc/list/1").isNumber()).isTrue();
        assertThat(fitted.rows().get(1).get("id").textValue()).isEqualTo("18446744073709551615");
        assertThat(fitted.rows().get(1).get("body").textValue()).isEqualTo("12345678901234567890.0123456789");
        assertThat(fitted.numbersAsText()).containsExactly("/rows/0/doc/big", "/rows/0/doc/list/0", "/rows/1/id", "/rows/1/body");
        assertThat(fitted.warnings()).anySatisfy(warning -> assertThat(warning).contains("4 number(s)"));
    }

    @Test
    void aRowLeftOutLeavesNoPointerBehind() {
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ObjectNode row = row(i, null);
            row.set("body", SampleValues.integer(new java.math.BigInteger("9".repeat(60))));
            rows.add(row);
        }

        SampleRows.Fitted fitted = new SampleRows(TABLE, config().maxSampleBytes(2_048).build()).fit(rows);

        assertThat(fitted.numbersAsText()).hasSize(fitted.rows().size()).last().isEqualTo("/rows/" + (fitted.rows().size() - 1) + "/body");
    }

    @Test
    void containersNestedBeyondTheLimitAreWrittenAsTheirJsonText() throws Exception {
        int depth = SampleRows.MAX_NESTING + 20;
        ObjectNode row = row(1, null);
        row.set("doc", SampleValues.parseExactly("[".repeat(depth) + "1" + "]".repeat(depth)));

        SampleRows.Fitted fitted = new SampleRows(TABLE, config().maxValueLength(100_000).build()).fit(List.of(row));

        JsonNode value = fitted.rows().get(0).get("doc");
        int levels = 0;
        while (value.isArray()) {
            value = value.get(0);
            levels++;
        }
        assertThat(levels).isEqualTo(SampleRows.MAX_NESTING);
        assertThat(value.textValue()).isEqualTo("[".repeat(20) + "1" + "]".repeat(20));
        assertThat(fitted.warnings()).anySatisfy(warning -> assertThat(warning).contains("nested deeper than"));
    }

    private static SamplingConfig.Builder config() {
        return SamplingConfig.builder().rowsPerTable(100);
    }

    private static ObjectNode row(int id, String email) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("id", id);
        row.put("email", email);
        return row;
    }
}
