package dev.dbsurveyor.sampling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.UnifiedDataType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a table's rows fit to be written: values of sensitive columns redacted, long values cut,
 * and rows beyond the sample's byte ceiling left out, each with a warning that says so.
 */
final class SampleRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SamplingConfig config;
    private final Map<String, Column> columns;

    SampleRows(Table table, SamplingConfig config) {
        this.config = config;
        this.columns = table.columns().stream().collect(Collectors.toMap(Column::name, Function.identity()));
    }

    record Fitted(List<ObjectNode> rows, List<String> warnings) {
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
        long bytes = 2;
        boolean cut = false;
        for (ObjectNode row : read) {
            redacted.forEach(name -> {
                if (row.hasNonNull(name)) {
                    row.put(name, SensitiveColumns.REDACTED);
                }
            });
            List<String> names = new ArrayList<>();
            row.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode shortened = shortened(name, row.get(name));
                if (shortened != null) {
                    row.set(name, shortened);
                    cut = true;
                }
            }
            long size = serialized(row).length + 1L;
            if (bytes + size > config.maxSampleBytes()) {
                warnings.add("sample stops at " + rows.size() + " of " + read.size() + " rows: the rows after them would pass the ceiling of "
                        + config.maxSampleBytes() + " bytes");
                break;
            }
            bytes += size;
            rows.add(row);
        }
        if (cut) {
            warnings.add("values longer than " + config.maxValueLength() + " characters were cut and end with " + SampleValues.TRUNCATION_MARKER);
        }
        return new Fitted(rows, warnings);
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
