package dev.dbsurveyor.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a file's text the way serde_json's {@code from_str} would, into a tree whose numbers keep
 * serde_json's kinds (see {@link UpstreamNumbers}), and says what serde_json would refuse while
 * reading: a syntax error, a byte-order mark, text after the value, a number out of range, a
 * string or key holding a lone surrogate. A value refused while reading stands in the tree as
 * null, so that the later steps still see the rest of the file. Nesting is not judged here: the
 * depth limit counts from a document's root (see {@link #nestingRefusals}).
 */
final class UpstreamJsonParse {

    /** serde_json refuses the 128th container nested in a document (the root is the first). */
    static final int MAX_DEPTH = 127;

    /** Deeper containers are not built (their contents cannot matter: serde_json has refused the document). */
    private static final int BUILD_DEPTH = 400;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A tree and what serde_json refuses in it; no tree when the text is not JSON at all. */
    record Result(Optional<JsonNode> root, List<UpstreamRefusal> refusals) {
    }

    private final List<UpstreamRefusal> refusals = new ArrayList<>();

    private UpstreamJsonParse() {
    }

    static Result parse(String text) {
        return new UpstreamJsonParse().read(text);
    }

    /** The containers that sit 128 deep below {@code documentRoot}, at their pointers under {@code at}. */
    static List<UpstreamRefusal> nestingRefusals(JsonNode documentRoot, String at) {
        List<UpstreamRefusal> found = new ArrayList<>();
        nesting(documentRoot, at, 1, found);
        return found;
    }

    private static void nesting(JsonNode node, String at, int depth, List<UpstreamRefusal> found) {
        if (!node.isContainerNode()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            found.add(new UpstreamRefusal(at, UpstreamRefusal.Step.PARSE,
                    "a container nested " + depth + " deep in the document; serde_json refuses nesting beyond " + MAX_DEPTH, null));
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(member -> nesting(member.getValue(), member(at, member.getKey()), depth + 1, found));
        } else {
            for (int i = 0; i < node.size(); i++) {
                nesting(node.get(i), at + "/" + i, depth + 1, found);
            }
        }
    }

    /** The RFC 6901 pointer of member {@code name} of the value at {@code at}. */
    static String member(String at, String name) {
        return at + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    private Result read(String text) {
        String json = text;
        if (json.startsWith("\uFEFF")) {
            refuse("", "the text starts with a byte-order mark, which serde_json does not skip");
            json = json.substring(1);
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                refuse("", "the file holds no JSON value (serde_json: EOF while parsing a value)");
                return new Result(Optional.empty(), refusals);
            }
            JsonNode root = value(parser, "", 1);
            refuseTrailingText(parser);
            return new Result(Optional.of(root), refusals);
        } catch (IOException e) {
            refuse("", "not JSON that serde_json reads: " + firstLine(e));
            return new Result(Optional.empty(), refusals);
        }
    }

    private void refuseTrailingText(JsonParser parser) {
        String reason = "text follows the JSON value (serde_json: trailing characters)";
        try {
            if (parser.nextToken() != null) {
                refuse("", reason);
            }
        } catch (IOException e) {
            refuse("", reason);
        }
    }

    private static String firstLine(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    private JsonNode value(JsonParser parser, String at, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > BUILD_DEPTH) {
            parser.skipChildren();
            return NODES.nullNode();
        }
        return switch (token) {
            case START_OBJECT -> object(parser, at, depth);
            case START_ARRAY -> array(parser, at, depth);
            case VALUE_STRING -> NODES.textNode(checked(parser.getText(), at, "string"));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser.getText(), at);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected token " + token);
        };
    }

    private ObjectNode object(JsonParser parser, String at, int depth) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String memberAt = member(at, name);
            checked(name, memberAt, "key");
            parser.nextToken();
            // serde_json keeps the last of two equal keys, as a map does.
            object.set(name, value(parser, memberAt, depth + 1));
        }
        return object;
    }

    private ArrayNode array(JsonParser parser, String at, int depth) throws IOException {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser, at + "/" + index, depth + 1));
            index++;
        }
        return array;
    }

    private JsonNode number(String literal, String at) {
        Optional<JsonNode> number = UpstreamNumbers.read(literal);
        if (number.isEmpty()) {
            refuse(at, "the number " + abbreviated(literal) + " is beyond the range of a double (serde_json: number out of range)");
            return NODES.nullNode();
        }
        return number.get();
    }

    private String checked(String text, String at, String what) {
        int lone = loneSurrogate(text);
        if (lone >= 0) {
            refuse(at, "the " + what + " holds a lone surrogate (\\u" + Integer.toHexString(text.charAt(lone))
                    + "), which serde_json refuses in a string");
        }
        return text;
    }

    /** The index of the first surrogate in {@code text} that is not half of a pair, or -1. */
    static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isLowSurrogate(c) || i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    private void refuse(String at, String reason) {
        refusals.add(new UpstreamRefusal(at, UpstreamRefusal.Step.PARSE, reason, null));
    }

    private static String abbreviated(String literal) {
        return literal.length() <= 24 ? literal : literal.substring(0, 12) + "…(" + literal.length() + " characters)";
    }
}
