package dev.dbsurveyor.adapter.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.sampling.SampleValues;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a row as PostgreSQL's {@code row_to_json} writes it into a sample row: numbers read
 * exactly and kept as numbers only where a double holds them, {@code bytea} from hex to base64,
 * {@code timestamptz} to RFC 3339 in UTC; json, arrays and composites stay nested as they came.
 */
final class PostgresSampleValues {

    private static final HexFormat HEX = HexFormat.of();

    private PostgresSampleValues() {
    }

    static ObjectNode row(String json, Table table) {
        Map<String, Column> columns = table.columns().stream().collect(Collectors.toMap(Column::name, Function.identity()));
        ObjectNode row;
        try {
            row = (ObjectNode) SampleValues.parseExactly(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL wrote a row that is not JSON", e);
        }
        List<String> names = new java.util.ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            Column column = columns.get(name);
            if (column != null) {
                row.set(name, value(row.get(name), column.dataType()));
            }
        }
        return row;
    }

    private static JsonNode value(JsonNode value, UnifiedDataType type) {
        if (value.isNull() || type instanceof UnifiedDataType.JsonType) {
            return value;
        }
        if (type instanceof UnifiedDataType.ArrayType array && value.isArray()) {
            ArrayNode elements = JsonNodeFactory.instance.arrayNode(value.size());
            value.forEach(element -> elements.add(value(element, array.elementType())));
            return elements;
        }
        if (value.isIntegralNumber()) {
            return SampleValues.integer(value.bigIntegerValue());
        }
        if (value.isNumber()) {
            return SampleValues.decimal(value.decimalValue());
        }
        if (value.isTextual() && type instanceof UnifiedDataType.BinaryType && value.textValue().startsWith("\\x")) {
            return SampleValues.bytes(HEX.parseHex(value.textValue().substring(2)));
        }
        if (value.isTextual() && type instanceof UnifiedDataType.DateTimeType dateTime && dateTime.withTimezone()) {
            try {
                return SampleValues.instant(OffsetDateTime.parse(value.textValue()));
            } catch (DateTimeParseException infinity) {
                return value;
            }
        }
        return value;
    }
}
