package dev.dbsurveyor.sampling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.UnifiedDataType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a table's rows fit to be written: values of sensitive columns and values that look like
 * credentials redacted, long values cut, numbers a reader's double cannot hold written as strings
 * of their digits (their places listed), and rows beyond the sample's byte ceiling left out, each
 * with a warning that says so.
 */
final class SampleRows {

    /** Its serializer is built here, not on the event loop that first samples (Jackson builds one under a lock). */
    private static final ObjectWriter JSON = new ObjectMapper().writerFor(JsonNode.class);
    /**
     * How deep a value's containers may nest; deeper ones are written as their JSON text. Readers
     * limit nesting (upstream dbsurveyor's loader, serde_json, takes 127 containers in a whole
     * document, of which a sample row's value has 122).
     */
    static final int MAX_NESTING = 100;

    private final SamplingConfig config;
    private final Map<String, Column> columns;

    /** Initialises this class, so that its writer is made on the calling thread ({@link SampleValues#prepare}). */
    static void prepare() {
        // Calling a static method is what initialises a class; the writer is one of its static fields.
    }

    SampleRows(Table table, SamplingConfig config) {
        this.config = config;
        this.columns = table.columns().stream().collect(Collectors.toMap(Column::name, Function.identity()));
    }

    /** The rows to write, what was done to them, and the JSON pointers (from the sample) of the numbers written as strings. */
    record Fitted(List<ObjectNode> rows, List<String> warnings, List<String> numbersAsText) {
    }

    Fitted fit(List<ObjectNode> read) {
        List<String> warnings = new ArrayList<>();
        List<String> redacted = config.redact()
                ? columns.keySet().stream().filter(SensitiveColumns::isSensitive).sorted().toList()
                : List.of();
        if (!redacted.isEmpty()) {
            warnings.add("values redacted in columns named like secrets or personal data: " + String.join(", ", redacted));
        }
        List<ObjectNode> rows = new ArrayList<>();
        List<String> numbersAsText = new ArrayList<>();
        Set<String> credentialColumns = new TreeSet<>();
        long bytes = 2;
        boolean cut = false;
        boolean deep = false;
        for (ObjectNode row : read) {
            redacted.forEach(name -> {
                if (row.hasNonNull(name)) {
                    row.put(name, SensitiveColumns.REDACTED);
                }
            });
            List<String> names = new ArrayList<>();
            row.fieldNames().forEachRemaining(names::add);
            List<String> rowNumbers = new ArrayList<>();
            for (String name : names) {
                if (config.redact() && redactCredentials(row, name)) {
                    credentialColumns.add(name);
                }
                deep |= flattenBeyond(row.get(name), 1);
                JsonNode shortened = shortened(name, row.get(name));
                if (shortened != null) {
                    row.set(name, shortened);
                    cut = true;
                }
                row.set(name, exactNumbers(row.get(name), "/rows/" + rows.size() + "/" + pointerToken(name), rowNumbers));
            }
            long size = serialized(row).length + 1L;
            if (bytes + size > config.maxSampleBytes()) {
                warnings.add("sample stops at " + rows.size() + " of " + read.size() + " rows: the rows after them would pass the ceiling of "
                        + config.maxSampleBytes() + " bytes");
                break;
            }
            bytes += size;
            rows.add(row);
            numbersAsText.addAll(rowNumbers);
        }
        if (deep) {
            warnings.add("parts of values nested deeper than " + MAX_NESTING + " levels are written as their JSON text");
        }
        if (!credentialColumns.isEmpty()) {
            warnings.add("values that look like credentials redacted in columns: " + String.join(", ", credentialColumns));
        }
        if (!numbersAsText.isEmpty()) {
            warnings.add(numbersAsText.size() + " number(s) too long or too precise for a double are written as strings of their digits"
                    + " (listed in numbers_as_text)");
        }
        if (cut) {
            warnings.add("values longer than " + config.maxValueLength() + " characters were cut and end with " + SampleValues.TRUNCATION_MARKER);
        }
        return new Fitted(rows, warnings, numbersAsText);
    }

    /** Replaces the text values in {@code name} (nested ones included) that look like credentials; whether it replaced any. */
    private static boolean redactCredentials(ObjectNode row, String name) {
        JsonNode value = row.get(name);
        if (value.isTextual()) {
            if (CredentialValues.looksLikeCredential(value.textValue())) {
                row.put(name, SensitiveColumns.REDACTED);
                return true;
            }
            return false;
        }
        return value.isContainerNode() && redactCredentials(value);
    }

    private static boolean redactCredentials(JsonNode container) {
        boolean any = false;
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                any |= redactCredentials(object, name);
            }
        } else if (container instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual() && CredentialValues.looksLikeCredential(element.textValue())) {
                    array.set(i, SampleValues.text(SensitiveColumns.REDACTED));
                    any = true;
                } else if (element.isContainerNode()) {
                    any |= redactCredentials(element);
                }
            }
        }
        return any;
    }

    /**
     * Writes the containers of {@code container} (at {@code depth}) that lie deeper than
     * {@link #MAX_NESTING} levels as their JSON text; whether it wrote any.
     */
    private static boolean flattenBeyond(JsonNode container, int depth) {
        boolean any = false;
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isContainerNode() && depth >= MAX_NESTING) {
                    object.set(name, asText(child));
                    any = true;
                } else if (child.isContainerNode()) {
                    any |= flattenBeyond(child, depth + 1);
                }
            }
        } else if (container instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isContainerNode() && depth >= MAX_NESTING) {
                    array.set(i, asText(child));
                    any = true;
                } else if (child.isContainerNode()) {
                    any |= flattenBeyond(child, depth + 1);
                }
            }
        }
        return any;
    }

    private static JsonNode asText(JsonNode value) {
        return SampleValues.text(new String(serialized(value), StandardCharsets.UTF_8));
    }

    /** {@code value} with every number a double cannot hold written as its digits; their pointers go to {@code written}. */
    private static JsonNode exactNumbers(JsonNode value, String pointer, List<String> written) {
        if (value.isNumber()) {
            if (SampleValues.holdsExactly(value)) {
                return value;
            }
            written.add(pointer);
            return SampleValues.digits(value);
        }
        if (value instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, exactNumbers(object.get(name), pointer + "/" + pointerToken(name), written)));
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, exactNumbers(array.get(i), pointer + "/" + i, written));
            }
        }
        return value;
    }

    /** A name as one token of a JSON pointer (RFC 6901). */
    private static String pointerToken(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The value cut to the length limit, or null when it fits. */
    private JsonNode shortened(String name, JsonNode value) {
        int limit = config.maxValueLength();
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.length() <= limit) {
                return null;
            }
            Column column = columns.get(name);
            // A cut base64 text still decodes when it keeps whole groups of four.
            int keep = column != null && column.dataType() instanceof UnifiedDataType.BinaryType ? limit - limit % 4 : limit;
            return SampleValues.text(prefix(text, keep) + SampleValues.TRUNCATION_MARKER);
        }
        if (value.isContainerNode()) {
            String text = new String(serialized(value), StandardCharsets.UTF_8);
            return text.length() <= limit ? null : SampleValues.text(prefix(text, limit) + SampleValues.TRUNCATION_MARKER);
        }
        return null;
    }

    /** The first {@code length} characters, one fewer when the cut would split a surrogate pair. */
    private static String prefix(String text, int length) {
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    private static byte[] serialized(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }
}
