package dev.dbsurveyor.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.SampleStatus;
import dev.dbsurveyor.model.SamplingStrategy;
import dev.dbsurveyor.model.TableSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof without text accepts what dbsurveyor writes, and leaves to the full check each kind of
 * value it cannot vouch for; the prefilter of the credential scan and the surrogate rule it shares
 * with the parse step keep their answers.
 */
class UpstreamQuickAcceptTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void theFixtureDocumentIsProvenAccepted() {
        DatabaseSchema document = withRow(row -> row.put("note", "plain").put("amount", 12.5).put("big", new BigDecimal("1E+300")));

        assertThat(UpstreamLoader.refusals(text(document))).isEmpty();
        assertThat(UpstreamLoader.quicklyAccepted(document)).isTrue();
        assertThat(UpstreamLoader.refusals(document)).isEmpty();
    }

    @Test
    void aNumberBeyondADoubleIsLeftToTheFullCheck() {
        DatabaseSchema document = withRow(row -> row.put("huge", new BigDecimal("1E+400")));

        assertThat(UpstreamLoader.quicklyAccepted(document)).isFalse();
        assertThat(UpstreamLoader.refusals(document)).extracting(UpstreamRefusal::step).containsExactly(UpstreamRefusal.Step.PARSE);
    }

    @Test
    void aNotANumberIsWrittenAsAStringThatNothingRefuses() {
        DatabaseSchema document = withRow(row -> row.put("nan", Double.NaN).put("infinity", Float.NEGATIVE_INFINITY));

        assertThat(UpstreamLoader.quicklyAccepted(document)).isTrue();
        assertThat(UpstreamLoader.refusals(text(document))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD800b", "\uDC00", "key=1", "postgres://u:p@h"})
    void aStringTheParseOrTheScanRefusesIsLeftToTheFullCheck(String value) {
        DatabaseSchema document = withRow(row -> row.put("value", value));

        assertThat(UpstreamLoader.quicklyAccepted(document)).isFalse();
        assertThat(UpstreamLoader.refusals(document)).isEqualTo(UpstreamLoader.refusals(text(document))).isNotEmpty();
    }

    @Test
    void aKeyWithALoneSurrogateIsLeftToTheFullCheck() {
        DatabaseSchema document = withRow(row -> row.put("\uD800", 1));

        assertThat(UpstreamLoader.quicklyAccepted(document)).isFalse();
        assertThat(UpstreamLoader.refusals(document)).isEqualTo(UpstreamLoader.refusals(text(document))).isNotEmpty();
    }

    @Test
    void nestingIsProvenUpToTheLimitAndNotBeyond() {
        // The row is the fifth container of the document: root, samples, a sample, rows, the row.
        assertThat(UpstreamLoader.quicklyAccepted(withRow(row -> row.set("deep", nested(UpstreamJsonParse.MAX_DEPTH - 5))))).isTrue();
        DatabaseSchema tooDeep = withRow(row -> row.set("deep", nested(UpstreamJsonParse.MAX_DEPTH - 4)));
        assertThat(UpstreamLoader.quicklyAccepted(tooDeep)).isFalse();
        assertThat(UpstreamLoader.refusals(tooDeep)).isEqualTo(UpstreamLoader.refusals(text(tooDeep))).hasSize(1);
    }

    @Test
    void rawTextIsNeverProven() {
        assertThat(UpstreamLoader.quicklyAccepted(withRow(row -> row.putRawValue("raw", new RawValue("1"))))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"key=", "\u212Aey=", "PWD=", "mysql://a:b@c", "MongoDB+SRV://a:b@c"})
    void theScanStillRefusesWhatHoldsAnEqualsSignOrASchemeSeparator(String value) {
        assertThat(UpstreamCredentialScan.refuses(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "user:password@host", "postgres:/u:p@h", "key", "postgres://u@h", "postgres://u:p\n@h"})
    void theScanAcceptsWhatHasNeitherAPatternNorAConnectionString(String value) {
        assertThat(UpstreamCredentialScan.refuses(value)).isFalse();
    }

    @Test
    void aLoneSurrogateIsFoundWhereverItStandsAndAPairIsNot() {
        assertThat(UpstreamJsonParse.loneSurrogate("a\uD83D\uDE00b")).isEqualTo(-1);
        assertThat(UpstreamJsonParse.loneSurrogate("ab\uD83D")).isEqualTo(2);
        assertThat(UpstreamJsonParse.loneSurrogate("\uDE00\uD83D")).isZero();
        assertThat(UpstreamJsonParse.loneSurrogate("\uD83D\uD83D\uDE00")).isZero();
    }

    private static DatabaseSchema withRow(Consumer<ObjectNode> values) {
        ObjectNode row = NODES.objectNode();
        values.accept(row);
        return ContractFixtures.fullDocument().withSamples(List.of(new TableSample("orders", "public", List.of(row), 1, null, new SamplingStrategy.MostRecent(1),
                ContractFixtures.COLLECTED_AT, List.of(), new SampleStatus.Complete())), List.of());
    }

    private static JsonNode nested(int containers) {
        JsonNode value = NODES.textNode("innermost");
        for (int i = 0; i < containers; i++) {
            value = NODES.arrayNode().add(value);
        }
        return value;
    }

    private static String text(DatabaseSchema document) {
        try {
            return ContractMapper.mapper().writeValueAsString(document);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
