package dev.dbsurveyor.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second statement of what upstream dbsurveyor's loader refuses, written apart from
 * {@code dev.dbsurveyor.output.UpstreamLoader} so that the two can be held to agree: the rules of
 * upstream's JSON Schema and of its serde model are one JSON Schema of ours
 * ({@code upstream/upstream-loader-rules.json}), and serde_json's number reading, its depth limit,
 * chrono's timestamps and the credential scan are plain code here. It answers with the set of
 * refused pointers only. Positional structs (serde reads a struct from an array of its fields)
 * are not encoded: a writer of ours never writes one.
 */
public final class UpstreamLoaderRules {

    private static final int DEEPEST = 127;
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final Pattern NUMBER = Pattern.compile("(-?)([0-9]+)(?:\\.([0-9]+))?(?:[eE]([+-]?)([0-9]+))?");
    private static final List<String> CREDENTIAL_WORDS = List.of("password=", "pwd=", "secret=", "token=", "key=", "api_key=", "apikey=");
    private static final List<String> URL_SCHEMES = List.of("postgres://", "postgresql://", "mysql://", "mongodb://", "mongodb+srv://",
            "mssql://");
    private static final Pattern TIMESTAMP_PLACES = Pattern.compile(
            "/collection_metadata/collected_at|/samples/\\d+/collected_at|/quality_metrics/\\d+/analyzed_at");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).maxNumberLength(100_000_000)
                    .maxStringLength(Integer.MAX_VALUE).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DoubleNode ANY_DOUBLE = DoubleNode.valueOf(0.5);

    private static final Schema RULES = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()))
            .getSchema(SchemaLocation.of("classpath:upstream/upstream-loader-rules.json"));

    private UpstreamLoaderRules() {
    }

    /**
     * The pointers at which upstream's loader would refuse the file whose text is {@code json}: of
     * the document, or of each document embedded in a bundle; none for a manifest.
     */
    public static Set<String> refusedPointers(String json) {
        Set<String> refused = new TreeSet<>();
        String text = json;
        if (text.startsWith("\uFEFF")) {
            refused.add("");
            text = text.substring(1);
        }
        JsonNode root;
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Set.of("");
            }
            root = read(parser, "", refused);
            if (trailing(parser)) {
                refused.add("");
            }
        } catch (IOException e) {
            return Set.of("");
        }
        if (root.isObject() && root.has("server_info")) {
            return root.has("failures") ? bundle(root, refused) : Set.of();
        }
        refused.addAll(document(root, ""));
        return refused;
    }

    private static Set<String> bundle(JsonNode bundle, Set<String> parseRefusals) {
        Set<String> refused = new TreeSet<>();
        Iterator<JsonNode> databases = bundle.path("databases").elements();
        for (int i = 0; databases.hasNext(); i++) {
            JsonNode schema = databases.next().get("schema");
            if (schema != null) {
                String prefix = "/databases/" + i + "/schema";
                parseRefusals.stream().filter(pointer -> pointer.equals(prefix) || pointer.startsWith(prefix + "/")).forEach(refused::add);
                refused.addAll(document(schema, prefix));
            }
        }
        return refused;
    }

    private static Set<String> document(JsonNode document, String prefix) {
        Set<String> refused = new TreeSet<>();
        tooDeep(document, prefix, 1, refused);
        for (Error error : RULES.validate(document)) {
            refused.add(prefix + where(error));
        }
        scan(document, prefix, refused);
        return refused;
    }

    /** The pointer of what an error is about: the member itself for a missing or unexpected member. */
    private static String where(Error error) {
        String at = error.getInstanceLocation().toString();
        String keyword = error.getKeyword();
        if (("required".equals(keyword) || "additionalProperties".equals(keyword)) && error.getProperty() != null) {
            return at + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return at;
    }

    private static void tooDeep(JsonNode node, String at, int depth, Set<String> refused) {
        if (node.isContainerNode() && depth > DEEPEST) {
            refused.add(at);
        } else if (node.isObject()) {
            node.properties().forEach(member -> tooDeep(member.getValue(), at + "/" + escaped(member.getKey()), depth + 1, refused));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                tooDeep(node.get(i), at + "/" + i, depth + 1, refused);
            }
        }
    }

    private static void scan(JsonNode node, String at, Set<String> refused) {
        if (node.isTextual()) {
            String text = node.asText();
            if (credentialLike(text)) {
                refused.add(at);
            }
            if (TIMESTAMP_PLACES.matcher(at).matches() && !chronoReads(text)) {
                refused.add(at);
            }
        } else if (node.isObject()) {
            node.properties().forEach(member -> scan(member.getValue(), at + "/" + escaped(member.getKey()), refused));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scan(node.get(i), at + "/" + i, refused);
            }
        }
    }

    static boolean credentialLike(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (CREDENTIAL_WORDS.stream().anyMatch(lower::contains)) {
            return true;
        }
        for (String line : lower.split("\n", -1)) {
            for (String scheme : URL_SCHEMES) {
                for (int at = line.indexOf(scheme); at >= 0; at = line.indexOf(scheme, at + 1)) {
                    int colon = line.indexOf(':', at + scheme.length());
                    if (colon >= 0 && line.indexOf('@', colon + 1) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The tree serde_json would hold, f64 numbers as 0.5 (only their kind matters to the rules), refusals noted. */
    private static JsonNode read(JsonParser parser, String at, Set<String> refused) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String memberAt = at + "/" + escaped(name);
                    if (loneSurrogate(name)) {
                        refused.add(memberAt);
                    }
                    parser.nextToken();
                    object.set(name, read(parser, memberAt, refused));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                    array.add(read(parser, at + "/" + i, refused));
                }
                return array;
            }
            case VALUE_STRING -> {
                if (loneSurrogate(parser.getText())) {
                    refused.add(at);
                }
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                JsonNode number = serdeNumber(parser.getText());
                if (number == null) {
                    refused.add(at);
                    return NODES.nullNode();
                }
                return number;
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }

    private static boolean trailing(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * serde_json's reading of a number literal: an exact u64 or i64 (never -0), else a double
     * from at most the digits that fit a u64, scaled by one power of ten; null when infinite.
     */
    static JsonNode serdeNumber(String literal) {
        Matcher parts = NUMBER.matcher(literal);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not a JSON number: " + literal);
        }
        boolean negative = !parts.group(1).isEmpty();
        String whole = parts.group(2);
        String fraction = parts.group(3);
        String exponentDigits = parts.group(5);
        if (fraction == null && exponentDigits == null) {
            BigInteger exact = new BigInteger(negative ? "-" + whole : whole);
            if (!negative && exact.compareTo(U64_MAX) <= 0) {
                return NODES.numberNode(exact);
            }
            if (negative && exact.signum() < 0 && exact.compareTo(I64_MIN) >= 0) {
                return NODES.numberNode(exact.longValueExact());
            }
        }
        BigInteger kept = BigInteger.ZERO;
        long exponent = 0;
        boolean full = false;
        for (char digit : whole.toCharArray()) {
            BigInteger next = kept.multiply(BigInteger.TEN).add(BigInteger.valueOf(digit - '0'));
            if (full || next.compareTo(U64_MAX) > 0) {
                full = true;
                exponent++;
            } else {
                kept = next;
            }
        }
        if (fraction != null) {
            for (char digit : fraction.toCharArray()) {
                BigInteger next = kept.multiply(BigInteger.TEN).add(BigInteger.valueOf(digit - '0'));
                if (next.compareTo(U64_MAX) > 0) {
                    break;
                }
                kept = next;
                exponent--;
            }
        }
        if (exponentDigits != null) {
            boolean down = "-".equals(parts.group(4));
            BigInteger written = new BigInteger(exponentDigits);
            if (written.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
                return kept.signum() != 0 && !down ? null : ANY_DOUBLE;
            }
            exponent = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, exponent + (down ? -written.longValue() : written.longValue())));
        }
        double value = kept.doubleValue();
        while (Math.abs(exponent) > 308) {
            if (value == 0.0) {
                return ANY_DOUBLE;
            }
            if (exponent > 0) {
                return null;
            }
            value /= 1e308;
            exponent += 308;
        }
        double power = Double.parseDouble("1e" + Math.abs(exponent));
        return exponent >= 0 && Double.isInfinite(value * power) ? null : ANY_DOUBLE;
    }

    private static boolean loneSurrogate(String text) {
        return !text.codePoints().allMatch(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
    }

    /**
     * chrono's relaxed RFC 3339 (as {@code DateTime<FixedOffset>::from_str} reads it), checked with
     * a pattern for the shape and java.time for the calendar.
     */
    static boolean chronoReads(String text) {
        Matcher parts = CHRONO.matcher(text);
        if (!parts.matches()) {
            return false;
        }
        try {
            long year = Long.parseLong(parts.group(1).replace("+", ""));
            int offset = parts.group(8) == null ? 0
                    : ("+".equals(parts.group(8)) ? 1 : -1) * (Integer.parseInt(parts.group(9)) * 3600 + Integer.parseInt(parts.group(10)) * 60);
            if (year < -262144 || year > 262143 || Math.abs(offset) >= 86_400 || Integer.parseInt(parts.group(6)) > 60) {
                return false;
            }
            LocalDateTime local = LocalDateTime.of(LocalDate.of((int) year, Integer.parseInt(parts.group(2)), Integer.parseInt(parts.group(3))),
                    LocalTime.of(Integer.parseInt(parts.group(4)), Integer.parseInt(parts.group(5)), Math.min(59, Integer.parseInt(parts.group(6)))));
            int utcYear = local.minusSeconds(offset).getYear();
            return utcYear >= -262144 && utcYear <= 262143;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }

    private static final String WS = "[\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]*";
    private static final Pattern CHRONO = Pattern.compile(WS + "([+-][0-9]+|[0-9]{1,4})" + WS + "-" + WS + "([0-9]{1,2})" + WS + "-" + WS
            + "([0-9]{1,2})[Tt ]" + WS + "([0-9]{1,2})" + WS + ":" + WS + "([0-9]{1,2})" + WS + ":" + WS + "([0-9]{1,2})(\\.[0-9]+)?"
            + WS + "(?:[Zz]|(?i:UTC)|([+\\-\\u2212])([0-9]{2})[:" + WS.substring(1, WS.length() - 2) + "]*([0-5][0-9]))" + WS);

    private static String escaped(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
