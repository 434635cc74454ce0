package dev.dbsurveyor.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the JSON Schema upstream embeds in its loader ({@code SCHEMA_V1_0} in
 * {@code dbsurveyor-core/src/validation.rs}), restated here. The schema reaches the document root,
 * {@code database_info}, {@code collection_metadata}, and tables with their columns, primary keys
 * and foreign keys; the other lists need only be arrays. A wrong value is reported at its own
 * pointer, a missing member at the member's, a tagged union that is no variant at the union's.
 * Upstream checks {@code format_version} in a step of its own (see {@link UpstreamLoader}), and
 * asserts no {@code format} (draft 2020-12 makes {@code date-time} an annotation).
 */
final class UpstreamSchemaRules {

    private static final Set<String> ACCESS_LEVELS = Set.of("Full", "Limited", "None");
    private static final Set<String> REFERENTIAL_ACTIONS = Set.of("Cascade", "SetNull", "SetDefault", "Restrict", "NoAction");
    private static final Set<String> UNIT_TYPES = Set.of("Boolean", "Date", "Json", "Uuid");
    private static final Set<Integer> INTEGER_BITS = Set.of(8, 16, 32, 64, 128);
    private static final Map<String, Set<String>> TYPE_MEMBERS = Map.of(
            "String", Set.of("max_length"),
            "Integer", Set.of("bits", "signed"),
            "Float", Set.of("precision"),
            "DateTime", Set.of("with_timezone"),
            "Time", Set.of("with_timezone"),
            "Binary", Set.of("max_length"),
            "Array", Set.of("element_type"),
            "Custom", Set.of("type_name"));
    private static final List<String> PLAIN_LISTS = List.of("views", "indexes", "constraints", "procedures", "functions", "triggers",
            "custom_types");

    private final List<UpstreamRefusal> refusals = new ArrayList<>();

    private UpstreamSchemaRules() {
    }

    /** Every rule of upstream's schema that {@code document} (at pointer {@code at}) breaks. */
    static List<UpstreamRefusal> check(JsonNode document, String at) {
        UpstreamSchemaRules rules = new UpstreamSchemaRules();
        rules.document(document, at);
        return rules.refusals;
    }

    private void document(JsonNode document, String at) {
        if (!document.isObject()) {
            refuse(at, "a document must be a JSON object");
            return;
        }
        JsonNode info = required(document, at, "database_info");
        if (info != null) {
            databaseInfo(info, UpstreamJsonParse.member(at, "database_info"));
        }
        JsonNode tables = document.get("tables");
        if (tables != null && array(tables, UpstreamJsonParse.member(at, "tables"))) {
            for (int i = 0; i < tables.size(); i++) {
                table(tables.get(i), UpstreamJsonParse.member(at, "tables") + "/" + i);
            }
        }
        for (String list : PLAIN_LISTS) {
            JsonNode value = document.get(list);
            if (value != null) {
                array(value, UpstreamJsonParse.member(at, list));
            }
        }
        JsonNode samples = document.get("samples");
        if (samples != null && !samples.isNull() && !samples.isArray()) {
            refuse(UpstreamJsonParse.member(at, "samples"), "samples must be an array or null");
        }
        JsonNode metadata = required(document, at, "collection_metadata");
        if (metadata != null) {
            collectionMetadata(metadata, UpstreamJsonParse.member(at, "collection_metadata"));
        }
    }

    private void databaseInfo(JsonNode info, String at) {
        if (!object(info, at)) {
            return;
        }
        nonEmptyString(required(info, at, "name"), UpstreamJsonParse.member(at, "name"));
        for (String optional : List.of("version", "encoding", "collation", "owner")) {
            stringOrNull(info.get(optional), UpstreamJsonParse.member(at, optional));
        }
        nonNegativeIntegerOrNull(info.get("size_bytes"), UpstreamJsonParse.member(at, "size_bytes"));
        booleanIfPresent(info.get("is_system_database"), UpstreamJsonParse.member(at, "is_system_database"));
        JsonNode access = required(info, at, "access_level");
        if (access != null && !(access.isTextual() && ACCESS_LEVELS.contains(access.asText()))) {
            refuse(UpstreamJsonParse.member(at, "access_level"), "access_level must be one of Full, Limited, None");
        }
        JsonNode status = required(info, at, "collection_status");
        if (status != null) {
            collectionStatus(status, UpstreamJsonParse.member(at, "collection_status"));
        }
    }

    private void collectionStatus(JsonNode status, String at) {
        if (status.isTextual() && status.asText().equals("Success")) {
            return;
        }
        if (!status.isObject() || status.size() != 1 || !(status.has("Failed") || status.has("Skipped"))) {
            refuse(at, "collection_status must be \"Success\", {\"Failed\":{\"error\"}} or {\"Skipped\":{\"reason\"}}");
            return;
        }
        String variant = status.has("Failed") ? "Failed" : "Skipped";
        String bodyAt = UpstreamJsonParse.member(at, variant);
        JsonNode body = status.get(variant);
        if (object(body, bodyAt)) {
            String field = variant.equals("Failed") ? "error" : "reason";
            JsonNode text = required(body, bodyAt, field);
            if (text != null && !text.isTextual()) {
                refuse(UpstreamJsonParse.member(bodyAt, field), field + " must be a string");
            }
        }
    }

    private void collectionMetadata(JsonNode metadata, String at) {
        if (!object(metadata, at)) {
            return;
        }
        JsonNode collectedAt = required(metadata, at, "collected_at");
        if (collectedAt != null && !collectedAt.isTextual()) {
            refuse(UpstreamJsonParse.member(at, "collected_at"), "collected_at must be a string");
        }
        JsonNode duration = required(metadata, at, "collection_duration_ms");
        if (duration != null) {
            minimumInteger(duration, UpstreamJsonParse.member(at, "collection_duration_ms"), 0);
        }
        nonEmptyString(required(metadata, at, "collector_version"), UpstreamJsonParse.member(at, "collector_version"));
        JsonNode warnings = metadata.get("warnings");
        if (warnings != null) {
            strings(warnings, UpstreamJsonParse.member(at, "warnings"), 0);
        }
    }

    private void table(JsonNode table, String at) {
        if (!object(table, at)) {
            return;
        }
        nonEmptyString(required(table, at, "name"), UpstreamJsonParse.member(at, "name"));
        stringOrNull(table.get("schema"), UpstreamJsonParse.member(at, "schema"));
        JsonNode columns = required(table, at, "columns");
        String columnsAt = UpstreamJsonParse.member(at, "columns");
        if (columns != null && array(columns, columnsAt)) {
            if (columns.isEmpty()) {
                refuse(columnsAt, "a table must have at least one column");
            }
            for (int i = 0; i < columns.size(); i++) {
                column(columns.get(i), columnsAt + "/" + i);
            }
        }
        JsonNode primaryKey = table.get("primary_key");
        String primaryKeyAt = UpstreamJsonParse.member(at, "primary_key");
        if (primaryKey != null && !primaryKey.isNull() && object(primaryKey, primaryKeyAt)) {
            stringOrNull(primaryKey.get("name"), UpstreamJsonParse.member(primaryKeyAt, "name"));
            JsonNode keyColumns = primaryKey.get("columns");
            if (keyColumns != null) {
                strings(keyColumns, UpstreamJsonParse.member(primaryKeyAt, "columns"), 1);
            }
        }
        JsonNode foreignKeys = table.get("foreign_keys");
        String foreignKeysAt = UpstreamJsonParse.member(at, "foreign_keys");
        if (foreignKeys != null && array(foreignKeys, foreignKeysAt)) {
            for (int i = 0; i < foreignKeys.size(); i++) {
                foreignKey(foreignKeys.get(i), foreignKeysAt + "/" + i);
            }
        }
        for (String list : List.of("indexes", "constraints")) {
            JsonNode value = table.get(list);
            if (value != null) {
                array(value, UpstreamJsonParse.member(at, list));
            }
        }
        stringOrNull(table.get("comment"), UpstreamJsonParse.member(at, "comment"));
        nonNegativeIntegerOrNull(table.get("row_count"), UpstreamJsonParse.member(at, "row_count"));
    }

    private void column(JsonNode column, String at) {
        if (!object(column, at)) {
            return;
        }
        nonEmptyString(required(column, at, "name"), UpstreamJsonParse.member(at, "name"));
        JsonNode type = required(column, at, "data_type");
        if (type != null) {
            dataType(type, UpstreamJsonParse.member(at, "data_type"));
        }
        JsonNode nullable = required(column, at, "is_nullable");
        booleanIfPresent(nullable, UpstreamJsonParse.member(at, "is_nullable"));
        booleanIfPresent(column.get("is_primary_key"), UpstreamJsonParse.member(at, "is_primary_key"));
        booleanIfPresent(column.get("is_auto_increment"), UpstreamJsonParse.member(at, "is_auto_increment"));
        stringOrNull(column.get("default_value"), UpstreamJsonParse.member(at, "default_value"));
        stringOrNull(column.get("comment"), UpstreamJsonParse.member(at, "comment"));
        JsonNode position = required(column, at, "ordinal_position");
        if (position != null) {
            minimumInteger(position, UpstreamJsonParse.member(at, "ordinal_position"), 1);
        }
    }

    private void dataType(JsonNode type, String at) {
        if (type.isTextual() && UNIT_TYPES.contains(type.asText())) {
            return;
        }
        if (!type.isObject() || type.size() != 1 || !TYPE_MEMBERS.containsKey(type.fieldNames().next())) {
            refuse(at, "data_type must be Boolean, Date, Json, Uuid or a one-key object String, Integer, Float, DateTime, Time,"
                    + " Binary, Array or Custom");
            return;
        }
        String variant = type.fieldNames().next();
        String bodyAt = UpstreamJsonParse.member(at, variant);
        JsonNode body = type.get(variant);
        if (!object(body, bodyAt)) {
            return;
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!TYPE_MEMBERS.get(variant).contains(name)) {
                refuse(UpstreamJsonParse.member(bodyAt, name), variant + " allows no member " + name);
            }
        });
        switch (variant) {
            case "String", "Binary" -> {
                JsonNode length = body.get("max_length");
                if (length != null && !length.isNull()) {
                    minimumInteger(length, UpstreamJsonParse.member(bodyAt, "max_length"), 1);
                }
            }
            case "Integer" -> {
                JsonNode bits = required(body, bodyAt, "bits");
                if (bits != null && !(isInteger(bits) && bits.canConvertToInt() && INTEGER_BITS.contains(bits.asInt()))) {
                    refuse(UpstreamJsonParse.member(bodyAt, "bits"), "bits must be one of 8, 16, 32, 64, 128");
                }
                booleanIfPresent(required(body, bodyAt, "signed"), UpstreamJsonParse.member(bodyAt, "signed"));
            }
            case "Float" -> {
                JsonNode precision = body.get("precision");
                if (precision != null && !precision.isNull()
                        && !(isInteger(precision) && precision.doubleValue() >= 1 && precision.doubleValue() <= 255)) {
                    refuse(UpstreamJsonParse.member(bodyAt, "precision"), "precision must be an integer from 1 to 255, or null");
                }
            }
            case "DateTime", "Time" -> booleanIfPresent(required(body, bodyAt, "with_timezone"),
                    UpstreamJsonParse.member(bodyAt, "with_timezone"));
            case "Array" -> {
                JsonNode element = required(body, bodyAt, "element_type");
                if (element != null) {
                    dataType(element, UpstreamJsonParse.member(bodyAt, "element_type"));
                }
            }
            default -> nonEmptyString(required(body, bodyAt, "type_name"), UpstreamJsonParse.member(bodyAt, "type_name"));
        }
    }

    private void foreignKey(JsonNode key, String at) {
        if (!object(key, at)) {
            return;
        }
        stringOrNull(key.get("name"), UpstreamJsonParse.member(at, "name"));
        JsonNode columns = required(key, at, "columns");
        if (columns != null) {
            strings(columns, UpstreamJsonParse.member(at, "columns"), 1);
        }
        nonEmptyString(required(key, at, "referenced_table"), UpstreamJsonParse.member(at, "referenced_table"));
        stringOrNull(key.get("referenced_schema"), UpstreamJsonParse.member(at, "referenced_schema"));
        JsonNode referenced = required(key, at, "referenced_columns");
        if (referenced != null) {
            strings(referenced, UpstreamJsonParse.member(at, "referenced_columns"), 1);
        }
        for (String action : List.of("on_delete", "on_update")) {
            JsonNode value = key.get(action);
            if (value != null && !value.isNull() && !(value.isTextual() && REFERENTIAL_ACTIONS.contains(value.asText()))) {
                refuse(UpstreamJsonParse.member(at, action), action + " must be Cascade, SetNull, SetDefault, Restrict, NoAction or null");
            }
        }
    }

    private JsonNode required(JsonNode object, String at, String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            refuse(UpstreamJsonParse.member(at, name), name + " is required");
        }
        return value;
    }

    private boolean object(JsonNode value, String at) {
        if (!value.isObject()) {
            refuse(at, "must be a JSON object");
        }
        return value.isObject();
    }

    private boolean array(JsonNode value, String at) {
        if (!value.isArray()) {
            refuse(at, "must be an array");
        }
        return value.isArray();
    }

    private void strings(JsonNode value, String at, int minItems) {
        if (!array(value, at)) {
            return;
        }
        if (value.size() < minItems) {
            refuse(at, "must list at least " + minItems + " name");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                refuse(at + "/" + i, "must be a string");
            }
        }
    }

    private void nonEmptyString(JsonNode value, String at) {
        if (value != null && !(value.isTextual() && !value.asText().isEmpty())) {
            refuse(at, "must be a non-empty string");
        }
    }

    private void stringOrNull(JsonNode value, String at) {
        if (value != null && !value.isTextual() && !value.isNull()) {
            refuse(at, "must be a string or null");
        }
    }

    private void booleanIfPresent(JsonNode value, String at) {
        if (value != null && !value.isBoolean()) {
            refuse(at, "must be true or false");
        }
    }

    private void nonNegativeIntegerOrNull(JsonNode value, String at) {
        if (value != null && !value.isNull()) {
            minimumInteger(value, at, 0);
        }
    }

    private void minimumInteger(JsonNode value, String at, int minimum) {
        if (!isInteger(value) || value.doubleValue() < minimum) {
            refuse(at, "must be an integer of at least " + minimum);
        }
    }

    /** The schema's "integer": any number without a fractional part, a whole double included. */
    private static boolean isInteger(JsonNode value) {
        return value.isIntegralNumber() || (value.isDouble() && value.doubleValue() == Math.rint(value.doubleValue()));
    }

    private void refuse(String at, String rule) {
        refusals.add(new UpstreamRefusal(at, UpstreamRefusal.Step.SCHEMA, "upstream's JSON Schema: " + rule, null));
    }
}
