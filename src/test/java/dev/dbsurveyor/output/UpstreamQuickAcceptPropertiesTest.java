package dev.dbsurveyor.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.SampleStatus;
import dev.dbsurveyor.model.SamplingStrategy;
import dev.dbsurveyor.model.TableSample;
import dev.dbsurveyor.testing.ArbitraryStrings;
import dev.dbsurveyor.testing.PropertyRun;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document dbsurveyor builds is judged without its text ({@link UpstreamQuickAccept} over the
 * serializers' tokens) exactly as its text is judged: the same refusals, pointers, steps, reasons,
 * excerpts and order, for documents with hostile strings anywhere and hostile sample values.
 */
class UpstreamQuickAcceptPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Gen<String> HOSTILE = ArbitraryStrings.oneOf(
            ArbitraryStrings.anyOfLength(0, 12),
            ArbitraryStrings.pick("", "key=", "Password=x", "pwd = 1", "API_KEY=", "\u212Aey=", "postgres://u:p@h", "mysql://h/db",
                    "MONGODB+SRV://a:b@c", "postgresql://u:p\n@h", "a\uD800b", "\uDC00", "\uD83D\uDE00", "\u0000\u001f\u007f",
                    "1.0", "Full", "Success", "Custom", "2026-11-23T15:30:00Z", "x/y~z"),
            ArbitraryStrings.concat(ArbitraryStrings.anyOfLength(0, 6), ArbitraryStrings.pick("=", "://", "token=", "://a:b@c")));

    private static final Gen<JsonNode> NUMBERS = Generate.pick(List.<JsonNode>of(
            NODES.numberNode(1.7976931348623157E308), NODES.numberNode(-1.7976931348623157E308), NODES.numberNode(4.9E-324),
            NODES.numberNode(Double.MIN_NORMAL), NODES.numberNode(-0.0), NODES.numberNode(1.0E23), NODES.numberNode(0.1),
            NODES.numberNode(Double.NaN), NODES.numberNode(Double.POSITIVE_INFINITY), NODES.numberNode(Float.MAX_VALUE),
            NODES.numberNode(Float.NaN), NODES.numberNode(1.1f), NODES.numberNode(new BigDecimal("1E+400")),
            NODES.numberNode(new BigDecimal("-1E+309")), NODES.numberNode(new BigDecimal("1E-400")),
            NODES.numberNode(new BigDecimal("12.3400")), NODES.numberNode(new BigDecimal("1797693134862315708145274237317043567981E269")),
            NODES.numberNode(new BigInteger("18446744073709551615")), NODES.numberNode(new BigInteger("18446744073709551616")),
            NODES.numberNode(new BigInteger("-9223372036854775809")), NODES.numberNode(BigInteger.TEN.pow(400)),
            NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(0), NODES.numberNode(-1)));

    @Test
    void aDocumentIsJudgedWithoutItsTextAsItsTextIsJudged() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger proven = new AtomicInteger();
        PropertyRun.withTries(800)
                .forAll(SourceDSL.lists().of(HOSTILE).ofSizeBetween(0, 3), SourceDSL.integers().between(0, 10_000),
                        SourceDSL.lists().of(NUMBERS).ofSizeBetween(0, 4), SourceDSL.integers().between(0, 135))
                .checkAssert((strings, place, numbers, depth) -> {
                    DatabaseSchema document = document(strings, place, numbers, depth);
                    List<UpstreamRefusal> fromText = UpstreamLoader.refusals(text(document));

                    assertThat(UpstreamLoader.refusals(document)).isEqualTo(fromText);
                    (fromText.isEmpty() ? accepted : refused).incrementAndGet();
                    if (UpstreamLoader.quicklyAccepted(document)) {
                        assertThat(fromText).isEmpty();
                        proven.incrementAndGet();
                    }
                });
        assertThat(accepted).as("documents upstream accepts").hasValueGreaterThan(100);
        assertThat(refused).as("documents upstream refuses").hasValueGreaterThan(100);
        assertThat(proven).as("documents proven accepted without their text").hasValueGreaterThan(accepted.get() / 2);
    }

    /** The full fixture with {@code strings} put in place of strings of its own, and one sample row of hostile values. */
    private static DatabaseSchema document(List<String> strings, int place, List<JsonNode> numbers, int depth) {
        JsonNode tree = ContractMapper.mapper().valueToTree(ContractFixtures.fullDocument());
        List<Setter> textual = new ArrayList<>();
        textualPlaces(tree, textual);
        for (int i = 0; i < strings.size(); i++) {
            textual.get((place + i * 7919) % textual.size()).set(strings.get(i));
        }
        DatabaseSchema document;
        try {
            document = ContractMapper.mapper().treeToValue(tree, DatabaseSchema.class);
        } catch (JsonProcessingException | IllegalArgumentException notAModelValue) {
            document = ContractFixtures.fullDocument();
        }
        ObjectNode row = NODES.objectNode();
        for (int i = 0; i < numbers.size(); i++) {
            row.set("n" + i, numbers.get(i));
        }
        strings.forEach(value -> row.put(value, value));
        row.set("deep", nested(depth));
        List<TableSample> samples = new ArrayList<>(document.samples() == null ? List.of() : document.samples());
        samples.add(new TableSample("hostile", "public", List.of(row), 1, null, new SamplingStrategy.MostRecent(1),
                ContractFixtures.COLLECTED_AT, List.of(), new SampleStatus.Complete()));
        return document.withSamples(samples, List.of());
    }

    /** Arrays and objects nested {@code depth} deep, their innermost value a string. */
    private static JsonNode nested(int depth) {
        JsonNode value = NODES.textNode("innermost");
        for (int i = 0; i < depth; i++) {
            if (i % 2 == 0) {
                ArrayNode array = NODES.arrayNode();
                array.add(value);
                value = array;
            } else {
                ObjectNode object = NODES.objectNode();
                object.set("level", value);
                value = object;
            }
        }
        return value;
    }

    private interface Setter {
        void set(String value);
    }

    private static void textualPlaces(JsonNode node, List<Setter> places) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(member -> {
                if (member.getValue().isTextual()) {
                    places.add(value -> object.put(member.getKey(), value));
                } else {
                    textualPlaces(member.getValue(), places);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                if (array.get(i).isTextual()) {
                    places.add(value -> array.set(index, NODES.textNode(value)));
                } else {
                    textualPlaces(array.get(i), places);
                }
            }
        }
    }

    private static String text(DatabaseSchema document) {
        try {
            return ContractMapper.mapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
