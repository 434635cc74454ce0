package dev.dbsurveyor.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code DatabaseSchema} as serde reads it ({@code dbsurveyor-core/src/models.rs} and
 * {@code quality/models.rs}), and what serde refuses when it builds one from a JSON tree. Rules of
 * serde and serde_json that matter: a field that is neither an {@code Option} nor
 * {@code #[serde(default)]} must be present; unknown fields are ignored (no type denies them); a
 * struct may also be an array of its fields in declaration order; an enum is externally tagged,
 * a unit variant as a string or as a one-key object whose value is null, a struct variant as a
 * one-key object whose value is an object; integers are u8, u16, u32 or u64 and refuse a double
 * even when it is whole; an f64 takes any number; timestamps are chrono's (see
 * {@link UpstreamTimestamps}).
 */
final class UpstreamModel {

    /** A Rust type serde can read. */
    sealed interface Shape {
    }

    record Struct(String name, List<Field> fields) implements Shape {
    }

    /**
     * A field: {@code nullable} for an {@code Option} (null, or absence from an object, is None),
     * {@code defaulted} for {@code #[serde(default)]} (absence is the default, even from an array).
     */
    record Field(String name, Shape shape, boolean nullable, boolean defaulted) {
    }

    record Seq(Shape element) implements Shape {
    }

    /** An externally tagged enum: its unit variants, and its struct variants with their bodies. */
    record Enum(String name, List<String> units, Map<String, Struct> structs) implements Shape {

        /** Every variant's name, the unit variants first. */
        List<String> variants() {
            List<String> all = new ArrayList<>(units);
            all.addAll(structs.keySet());
            return all;
        }
    }

    record UnsignedInteger(String rustType, BigInteger max) implements Shape {
    }

    enum Scalar implements Shape {
        STRING, BOOLEAN, F64, ANY_JSON, TIMESTAMP
    }

    private static final UnsignedInteger U8 = unsigned("u8", 8);
    private static final UnsignedInteger U32 = unsigned("u32", 32);
    private static final UnsignedInteger U64 = unsigned("u64", 64);

    private static final Enum UNIFIED_DATA_TYPE = unifiedDataType();
    private static final Enum REFERENTIAL_ACTION = units("ReferentialAction", "Cascade", "SetNull", "SetDefault", "Restrict", "NoAction");
    private static final Enum SORT_DIRECTION = units("SortDirection", "Ascending", "Descending");

    private static final Struct COLUMN = struct("Column",
            required("name", Scalar.STRING),
            required("data_type", UNIFIED_DATA_TYPE),
            required("is_nullable", Scalar.BOOLEAN),
            required("is_primary_key", Scalar.BOOLEAN),
            required("is_auto_increment", Scalar.BOOLEAN),
            option("default_value", Scalar.STRING),
            option("comment", Scalar.STRING),
            required("ordinal_position", U32));

    private static final Struct INDEX = struct("Index",
            required("name", Scalar.STRING),
            required("table_name", Scalar.STRING),
            option("schema", Scalar.STRING),
            required("columns", new Seq(struct("IndexColumn", required("name", Scalar.STRING), option("sort_order", SORT_DIRECTION)))),
            required("is_unique", Scalar.BOOLEAN),
            required("is_primary", Scalar.BOOLEAN),
            option("index_type", Scalar.STRING));

    private static final Struct CONSTRAINT = struct("Constraint",
            required("name", Scalar.STRING),
            required("table_name", Scalar.STRING),
            option("schema", Scalar.STRING),
            required("constraint_type", units("ConstraintType", "PrimaryKey", "ForeignKey", "Unique", "Check", "NotNull")),
            required("columns", new Seq(Scalar.STRING)),
            option("check_clause", Scalar.STRING));

    private static final Struct TABLE = struct("Table",
            required("name", Scalar.STRING),
            option("schema", Scalar.STRING),
            required("columns", new Seq(COLUMN)),
            option("primary_key", struct("PrimaryKey", option("name", Scalar.STRING), required("columns", new Seq(Scalar.STRING)))),
            required("foreign_keys", new Seq(struct("ForeignKey",
                    option("name", Scalar.STRING),
                    required("columns", new Seq(Scalar.STRING)),
                    required("referenced_table", Scalar.STRING),
                    option("referenced_schema", Scalar.STRING),
                    required("referenced_columns", new Seq(Scalar.STRING)),
                    option("on_delete", REFERENTIAL_ACTION),
                    option("on_update", REFERENTIAL_ACTION)))),
            required("indexes", new Seq(INDEX)),
            required("constraints", new Seq(CONSTRAINT)),
            option("comment", Scalar.STRING),
            option("row_count", U64));

    private static final Struct PROCEDURE = struct("Procedure",
            required("name", Scalar.STRING),
            option("schema", Scalar.STRING),
            option("definition", Scalar.STRING),
            required("parameters", new Seq(struct("Parameter",
                    required("name", Scalar.STRING),
                    required("data_type", UNIFIED_DATA_TYPE),
                    required("direction", units("ParameterDirection", "In", "Out", "InOut")),
                    option("default_value", Scalar.STRING)))),
            option("return_type", UNIFIED_DATA_TYPE),
            option("language", Scalar.STRING),
            option("comment", Scalar.STRING));

    private static final Struct TABLE_SAMPLE = struct("TableSample",
            required("table_name", Scalar.STRING),
            option("schema_name", Scalar.STRING),
            required("rows", new Seq(Scalar.ANY_JSON)),
            required("sample_size", U32),
            option("total_rows", U64),
            required("sampling_strategy", new Enum("SamplingStrategy", List.of("None"), structs(
                    struct("MostRecent", required("limit", U32)),
                    struct("Random", required("limit", U32))))),
            required("collected_at", Scalar.TIMESTAMP),
            required("warnings", new Seq(Scalar.STRING)),
            optionDefaulted("sample_status", new Enum("SampleStatus", List.of("Complete"), structs(
                    struct("PartialRetry", required("original_limit", U32)),
                    struct("Skipped", required("reason", Scalar.STRING))))));

    static final Struct DATABASE_SCHEMA = struct("DatabaseSchema",
            required("format_version", Scalar.STRING),
            required("database_info", struct("DatabaseInfo",
                    required("name", Scalar.STRING),
                    option("version", Scalar.STRING),
                    option("size_bytes", U64),
                    option("encoding", Scalar.STRING),
                    option("collation", Scalar.STRING),
                    option("owner", Scalar.STRING),
                    defaulted("is_system_database", Scalar.BOOLEAN),
                    required("access_level", units("AccessLevel", "Full", "Limited", "None")),
                    required("collection_status", new Enum("CollectionStatus", List.of("Success"), structs(
                            struct("Failed", required("error", Scalar.STRING)),
                            struct("Skipped", required("reason", Scalar.STRING))))))),
            required("tables", new Seq(TABLE)),
            required("views", new Seq(struct("View",
                    required("name", Scalar.STRING),
                    option("schema", Scalar.STRING),
                    option("definition", Scalar.STRING),
                    required("columns", new Seq(COLUMN)),
                    option("comment", Scalar.STRING)))),
            required("indexes", new Seq(INDEX)),
            required("constraints", new Seq(CONSTRAINT)),
            required("procedures", new Seq(PROCEDURE)),
            required("functions", new Seq(PROCEDURE)),
            required("triggers", new Seq(struct("Trigger",
                    required("name", Scalar.STRING),
                    required("table_name", Scalar.STRING),
                    option("schema", Scalar.STRING),
                    required("event", units("TriggerEvent", "Insert", "Update", "Delete")),
                    required("timing", units("TriggerTiming", "Before", "After", "InsteadOf")),
                    option("definition", Scalar.STRING)))),
            required("custom_types", new Seq(struct("CustomType",
                    required("name", Scalar.STRING),
                    option("schema", Scalar.STRING),
                    required("definition", Scalar.STRING),
                    required("category", units("TypeCategory", "Enum", "Composite", "Domain", "Range"))))),
            option("samples", new Seq(TABLE_SAMPLE)),
            option("quality_metrics", new Seq(tableQualityMetrics())),
            required("collection_metadata", struct("CollectionMetadata",
                    required("collected_at", Scalar.TIMESTAMP),
                    required("collection_duration_ms", U64),
                    required("collector_version", Scalar.STRING),
                    required("warnings", new Seq(Scalar.STRING)))));

    private final List<UpstreamRefusal> refusals = new ArrayList<>();

    private UpstreamModel() {
    }

    /** What serde refuses when it reads {@code document} (at pointer {@code at}) as upstream's DatabaseSchema. */
    static List<UpstreamRefusal> check(JsonNode document, String at) {
        UpstreamModel model = new UpstreamModel();
        model.read(document, DATABASE_SCHEMA, at);
        return model.refusals;
    }

    private void read(JsonNode value, Shape shape, String at) {
        if (shape instanceof Struct struct) {
            struct(value, struct, at);
        } else if (shape instanceof Seq seq) {
            sequence(value, seq, at);
        } else if (shape instanceof Enum anEnum) {
            enumValue(value, anEnum, at);
        } else if (shape instanceof UnsignedInteger integer) {
            unsigned(value, integer, at);
        } else {
            scalar(value, (Scalar) shape, at);
        }
    }

    private void sequence(JsonNode value, Seq seq, String at) {
        if (!value.isArray()) {
            refuse(at, "expected a sequence, found " + kind(value));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            read(value.get(i), seq.element(), at + "/" + i);
        }
    }

    private void struct(JsonNode value, Struct struct, String at) {
        if (value.isObject()) {
            for (Field field : struct.fields()) {
                JsonNode member = value.get(field.name());
                String memberAt = UpstreamJsonParse.member(at, field.name());
                if (member == null) {
                    if (!field.nullable() && !field.defaulted()) {
                        refuse(memberAt, "missing field " + field.name() + " of " + struct.name());
                    }
                } else {
                    field(member, field, memberAt);
                }
            }
        } else if (value.isArray()) {
            positional(value, struct, at);
        } else {
            refuse(at, "expected struct " + struct.name() + ", found " + kind(value));
        }
    }

    /** serde reads a struct from an array too: its fields in declaration order, no element left over. */
    private void positional(JsonNode array, Struct struct, String at) {
        List<Field> fields = struct.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (i < array.size()) {
                field(array.get(i), fields.get(i), at + "/" + i);
            } else if (!fields.get(i).defaulted()) {
                refuse(at, "an array of " + array.size() + " elements is too short for struct " + struct.name() + " with "
                        + fields.size() + " elements");
                return;
            }
        }
        if (array.size() > fields.size()) {
            refuse(at, "an array of " + array.size() + " elements is too long for struct " + struct.name());
        }
    }

    private void field(JsonNode value, Field field, String at) {
        if (!(value.isNull() && field.nullable())) {
            read(value, field.shape(), at);
        }
    }

    private void enumValue(JsonNode value, Enum anEnum, String at) {
        String variant;
        JsonNode body;
        if (value.isTextual()) {
            variant = value.asText();
            body = null;
        } else if (value.isObject() && value.size() == 1) {
            variant = value.fieldNames().next();
            body = value.get(variant);
        } else if (value.isObject()) {
            refuse(at, anEnum.name() + " must be a map with a single key, found " + value.size() + " keys");
            return;
        } else {
            refuse(at, anEnum.name() + " must be a string or a one-key map, found " + kind(value));
            return;
        }
        if (!anEnum.variants().contains(variant)) {
            refuse(at, "unknown variant " + quoted(variant) + " of " + anEnum.name() + ", upstream knows "
                    + String.join(", ", anEnum.variants()));
            return;
        }
        String bodyAt = UpstreamJsonParse.member(at, variant);
        Struct fields = anEnum.structs().get(variant);
        if (fields == null) {
            if (body != null && !body.isNull()) {
                refuse(bodyAt, "the unit variant " + variant + " of " + anEnum.name() + " takes null, found " + kind(body));
            }
        } else if (body == null) {
            refuse(at, variant + " of " + anEnum.name() + " is a struct variant, found the bare string");
        } else if (!body.isObject()) {
            refuse(bodyAt, variant + " of " + anEnum.name() + " must be an object, found " + kind(body));
        } else {
            struct(body, fields, bodyAt);
        }
    }

    private void unsigned(JsonNode value, UnsignedInteger integer, String at) {
        if (value.isIntegralNumber()) {
            BigInteger number = value.bigIntegerValue();
            if (number.signum() < 0 || number.compareTo(integer.max()) > 0) {
                refuse(at, "the integer " + number + " does not fit " + integer.rustType());
            }
        } else if (value.isNumber()) {
            refuse(at, "expected " + integer.rustType() + ", found the floating point number " + value.asText());
        } else {
            refuse(at, "expected " + integer.rustType() + ", found " + kind(value));
        }
    }

    private void scalar(JsonNode value, Scalar scalar, String at) {
        boolean fits = switch (scalar) {
            case STRING -> value.isTextual();
            case BOOLEAN -> value.isBoolean();
            case F64 -> value.isNumber();
            case ANY_JSON -> true;
            case TIMESTAMP -> value.isTextual() && UpstreamTimestamps.accepts(value.asText());
        };
        if (!fits) {
            refuse(at, switch (scalar) {
                case STRING -> "expected a string, found " + kind(value);
                case BOOLEAN -> "expected a boolean, found " + kind(value);
                case F64 -> "expected a number, found " + kind(value);
                case TIMESTAMP -> value.isTextual() ? "chrono does not read " + quoted(value.asText()) + " as an RFC 3339 timestamp"
                        : "expected an RFC 3339 timestamp string, found " + kind(value);
                case ANY_JSON -> throw new IllegalStateException("any JSON fits");
            });
        }
    }

    private void refuse(String at, String reason) {
        refusals.add(new UpstreamRefusal(at, UpstreamRefusal.Step.DESERIALIZE, "serde: " + reason, null));
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a floating point number";
            case STRING -> "a string";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String quoted(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }

    private static Enum unifiedDataType() {
        Map<String, Struct> structs = new LinkedHashMap<>();
        Enum type = new Enum("UnifiedDataType", List.of("Boolean", "Date", "Json", "Uuid"), structs);
        structs.put("String", struct("String", option("max_length", U32)));
        structs.put("Integer", struct("Integer", required("bits", U8), required("signed", Scalar.BOOLEAN)));
        structs.put("Float", struct("Float", option("precision", U8)));
        structs.put("DateTime", struct("DateTime", required("with_timezone", Scalar.BOOLEAN)));
        structs.put("Time", struct("Time", required("with_timezone", Scalar.BOOLEAN)));
        structs.put("Binary", struct("Binary", option("max_length", U32)));
        structs.put("Array", struct("Array", required("element_type", type)));
        structs.put("Custom", struct("Custom", required("type_name", Scalar.STRING)));
        return type;
    }

    private static Struct tableQualityMetrics() {
        return struct("TableQualityMetrics",
                required("table_name", Scalar.STRING),
                option("schema_name", Scalar.STRING),
                required("analyzed_rows", U64),
                required("completeness", struct("CompletenessMetrics",
                        required("score", Scalar.F64),
                        required("column_metrics", new Seq(struct("ColumnCompleteness",
                                required("column_name", Scalar.STRING),
                                required("null_count", U64),
                                required("empty_count", U64),
                                required("completeness", Scalar.F64)))),
                        required("total_nulls", U64),
                        required("total_empty", U64))),
                required("consistency", struct("ConsistencyMetrics",
                        required("score", Scalar.F64),
                        required("type_inconsistencies", new Seq(struct("TypeInconsistency",
                                required("column_name", Scalar.STRING),
                                required("expected_type", Scalar.STRING),
                                required("found_types", new Seq(Scalar.STRING)),
                                required("inconsistent_count", U64)))),
                        required("format_violations", new Seq(struct("FormatViolation",
                                required("column_name", Scalar.STRING),
                                required("expected_format", Scalar.STRING),
                                required("violation_count", U64)))))),
                required("uniqueness", struct("UniquenessMetrics",
                        required("score", Scalar.F64),
                        required("duplicate_columns", new Seq(struct("ColumnDuplicates",
                                required("column_name", Scalar.STRING),
                                required("duplicate_count", U64),
                                required("unique_count", U64),
                                required("uniqueness", Scalar.F64)))),
                        required("duplicate_row_count", U64))),
                option("anomalies", struct("AnomalyMetrics",
                        required("outlier_count", U64),
                        required("outliers", new Seq(struct("ColumnAnomaly",
                                required("column_name", Scalar.STRING),
                                required("outlier_count", U64),
                                required("z_score_threshold", Scalar.F64),
                                required("mean", Scalar.F64),
                                required("std_dev", Scalar.F64)))))),
                required("quality_score", Scalar.F64),
                required("threshold_violations", new Seq(struct("ThresholdViolation",
                        required("metric", Scalar.STRING),
                        required("threshold", Scalar.F64),
                        required("actual", Scalar.F64),
                        required("severity", units("ViolationSeverity", "warning", "critical"))))),
                required("analyzed_at", Scalar.TIMESTAMP));
    }

    private static Struct struct(String name, Field... fields) {
        return new Struct(name, List.of(fields));
    }

    private static Field required(String name, Shape shape) {
        return new Field(name, shape, false, false);
    }

    private static Field option(String name, Shape shape) {
        return new Field(name, shape, true, false);
    }

    private static Field defaulted(String name, Shape shape) {
        return new Field(name, shape, false, true);
    }

    private static Field optionDefaulted(String name, Shape shape) {
        return new Field(name, shape, true, true);
    }

    private static Enum units(String name, String... variants) {
        return new Enum(name, List.of(variants), Map.of());
    }

    /** Struct variants by their names (a variant's body is named after it). */
    private static Map<String, Struct> structs(Struct... variants) {
        Map<String, Struct> all = new LinkedHashMap<>();
        for (Struct variant : variants) {
            all.put(variant.name(), variant);
        }
        return all;
    }

    private static UnsignedInteger unsigned(String rustType, int bits) {
        return new UnsignedInteger(rustType, BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }
}
