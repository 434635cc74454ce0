package dev.dbsurveyor.sampling;

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
