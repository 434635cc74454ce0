package dev.dbsurveyor.sampling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * The JSON form of sampled values, the same for every engine: numbers exact as read (a sample
 * writes those a reader's double cannot hold as strings of their digits, see
 * {@link #holdsExactly}); bytes are base64; instants are RFC 3339 in UTC.
 */
public final class SampleValues {

    /** Ends a value that was cut to the length limit. */
    public static final String TRUNCATION_MARKER = "…[truncated]";

    /**
     * Reads JSON text with every number exact: decimals as BigDecimal, integers as BigInteger. A
     * reader made here has its deserializer already built: Jackson builds a first one under a lock,
     * which an event loop must not wait for.
     */
    private static final ObjectReader EXACT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build()
            .readerFor(JsonNode.class);

    /** The largest integer every JSON reader holds exactly (2^53). */
    private static final BigInteger EXACT_IN_A_DOUBLE = BigInteger.ONE.shiftLeft(53);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleValues() {
    }

    /**
     * Initialises this class and {@link SampleRows}, so that their reader and writer (and the
     * serializers Jackson builds for them) are made on the calling thread: adapters call it when
     * they are made, off any event loop.
     */
    public static void prepare() {
        // Calling a static method is what initialises a class; the reader is one of its static fields.
        SampleRows.prepare();
    }

    public static JsonNode integer(BigInteger value) {
        return value.bitLength() < Long.SIZE ? NODES.numberNode(value.longValueExact()) : NODES.numberNode(value);
    }

    public static JsonNode integer(long value) {
        return integer(BigInteger.valueOf(value));
    }

    public static JsonNode decimal(BigDecimal value) {
        return DecimalNode.valueOf(value);
    }

    /**
     * Whether every JSON reader holds {@code number} exactly: an integer of at most 2^53 in size,
     * or a number whose double is the same value. Others are written as strings of their digits.
     */
    public static boolean holdsExactly(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().abs().compareTo(EXACT_IN_A_DOUBLE) <= 0;
        }
        if (number.isDouble() || number.isFloat()) {
            return Double.isFinite(number.doubleValue());
        }
        BigDecimal value = number.decimalValue();
        double asDouble = value.doubleValue();
        return Double.isFinite(asDouble) && new BigDecimal(Double.toString(asDouble)).compareTo(value) == 0;
    }

    /** {@code number} as a string of all its digits, never in exponent form. */
    public static JsonNode digits(JsonNode number) {
        return NODES.textNode(number.isIntegralNumber() ? number.bigIntegerValue().toString() : number.decimalValue().toPlainString());
    }

    /** NaN and infinities, which JSON numbers cannot be, as strings. */
    public static JsonNode floating(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.textNode(Double.toString(value));
    }

    public static JsonNode bytes(byte[] value) {
        return NODES.textNode(Base64.getEncoder().encodeToString(value));
    }

    public static JsonNode instant(Instant value) {
        return NODES.textNode(value.toString());
    }

    public static JsonNode instant(OffsetDateTime value) {
        return instant(value.toInstant());
    }

    public static JsonNode text(String value) {
        return NODES.textNode(value);
    }

    public static JsonNode bool(boolean value) {
        return NODES.booleanNode(value);
    }

    /**
     * JSON text as a tree whose numbers keep every digit they were written with.
     *
     * @throws JsonProcessingException when the text is not JSON
     */
    public static JsonNode parseExactly(String json) throws JsonProcessingException {
        return EXACT_JSON.readValue(json);
    }

    public static JsonNode nothing() {
        return NODES.nullNode();
    }
}
