package dev.dbsurveyor.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A one-pass proof, without a tree and without pointers, that upstream's loader accepts a document
 * as {@link ContractMapper} writes it, read from the tokens its serializers produce. Its rules are
 * each at least as strict as the intersection of all of {@link UpstreamLoader}'s steps (a struct as
 * an array, a unit variant as a one-key object, a whole double where an integer goes, a repeated
 * member: any of them is "not proven"), so a document it accepts has no refusal; a document it does
 * not accept goes through the full check, which says where and why.
 */
final class UpstreamQuickAccept {

    private static final long U32_MAX = 0xFFFF_FFFFL;

    private static final boolean FAST_DOUBLES = ContractMapper.mapper().getFactory().isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    private static final boolean PLAIN_DECIMALS = ContractMapper.mapper().getFactory().isEnabled(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    /** With these off, Jackson's text is not the numbers in its tokens, and nothing is proven from them. */
    private static final boolean NUMBERS_AS_WRITTEN = ContractMapper.mapper().getFactory().isEnabled(JsonGenerator.Feature.QUOTE_NON_NUMERIC_NUMBERS)
            && !ContractMapper.mapper().getFactory().isEnabled(JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS);

    /** What may stand at one place of a document. */
    private interface Rule {
        void read(UpstreamQuickAccept reading);
    }

    private static final Rule ANY = UpstreamQuickAccept::any;
    private static final Rule TEXT = reading -> reading.text(false);
    private static final Rule NON_EMPTY_TEXT = reading -> reading.text(true);
    private static final Rule FLAG = UpstreamQuickAccept::flag;
    private static final Rule TIMESTAMP = UpstreamQuickAccept::timestamp;
    private static final Rule NOT_PROVEN = reading -> reading.notProven();
    private static final Rule OPTIONAL_TEXT = nullable(TEXT);

    private static final Struct COLUMN = open(
            required("name", NON_EMPTY_TEXT),
            required("data_type", dataType()),
            required("is_nullable", FLAG),
            required("is_primary_key", FLAG),
            required("is_auto_increment", FLAG),
            optional("default_value", OPTIONAL_TEXT),
            optional("comment", OPTIONAL_TEXT),
            required("ordinal_position", whole(1, U32_MAX)));

    private static final Struct INDEX = open(
            required("name", TEXT),
            required("table_name", TEXT),
            optional("schema", OPTIONAL_TEXT),
            required("columns", list(open(required("name", TEXT), optional("sort_order", nullable(words("Ascending", "Descending")))), 0)),
            required("is_unique", FLAG),
            required("is_primary", FLAG),
            optional("index_type", OPTIONAL_TEXT));

    private static final Struct CONSTRAINT = open(
            required("name", TEXT),
            required("table_name", TEXT),
            optional("schema", OPTIONAL_TEXT),
            required("constraint_type", words("PrimaryKey", "ForeignKey", "Unique", "Check", "NotNull")),
            required("columns", list(TEXT, 0)),
            optional("check_clause", OPTIONAL_TEXT));

    private static final Rule REFERENTIAL_ACTION = nullable(words("Cascade", "SetNull", "SetDefault", "Restrict", "NoAction"));

    private static final Struct TABLE = open(
            required("name", NON_EMPTY_TEXT),
            optional("schema", OPTIONAL_TEXT),
            required("columns", list(COLUMN, 1)),
            optional("primary_key", nullable(open(optional("name", OPTIONAL_TEXT), required("columns", list(TEXT, 1))))),
            required("foreign_keys", list(open(
                    optional("name", OPTIONAL_TEXT),
                    required("columns", list(TEXT, 1)),
                    required("referenced_table", NON_EMPTY_TEXT),
                    optional("referenced_schema", OPTIONAL_TEXT),
                    required("referenced_columns", list(TEXT, 1)),
                    optional("on_delete", REFERENTIAL_ACTION),
                    optional("on_update", REFERENTIAL_ACTION)), 0)),
            required("indexes", list(INDEX, 0)),
            required("constraints", list(CONSTRAINT, 0)),
            optional("comment", OPTIONAL_TEXT),
            optional("row_count", nullable(whole(0, Long.MAX_VALUE))));

    private static final Struct ROUTINE = open(
            required("name", TEXT),
            optional("schema", OPTIONAL_TEXT),
            optional("definition", OPTIONAL_TEXT),
            required("parameters", list(open(
                    required("name", TEXT),
                    required("data_type", dataType()),
                    required("direction", words("In", "Out", "InOut")),
                    optional("default_value", OPTIONAL_TEXT)), 0)),
            optional("return_type", nullable(dataType())),
            optional("language", OPTIONAL_TEXT),
            optional("comment", OPTIONAL_TEXT));

    private static final Struct SAMPLE = open(
            required("table_name", TEXT),
            optional("schema_name", OPTIONAL_TEXT),
            required("rows", list(ANY, 0)),
            required("sample_size", whole(0, U32_MAX)),
            optional("total_rows", nullable(whole(0, Long.MAX_VALUE))),
            required("sampling_strategy", tagged(Set.of("None"), Map.of(
                    "MostRecent", open(required("limit", whole(0, U32_MAX))),
                    "Random", open(required("limit", whole(0, U32_MAX)))))),
            required("collected_at", TIMESTAMP),
            required("warnings", list(TEXT, 0)),
            optional("sample_status", nullable(tagged(Set.of("Complete"), Map.of(
                    "PartialRetry", open(required("original_limit", whole(0, U32_MAX))),
                    "Skipped", open(required("reason", TEXT)))))));

    private static final Struct DOCUMENT = open(
            required("format_version", words("1.0")),
            required("database_info", open(
                    required("name", NON_EMPTY_TEXT),
                    optional("version", OPTIONAL_TEXT),
                    optional("size_bytes", nullable(whole(0, Long.MAX_VALUE))),
                    optional("encoding", OPTIONAL_TEXT),
                    optional("collation", OPTIONAL_TEXT),
                    optional("owner", OPTIONAL_TEXT),
                    optional("is_system_database", FLAG),
                    required("access_level", words("Full", "Limited", "None")),
                    required("collection_status", tagged(Set.of("Success"), Map.of(
                            "Failed", open(required("error", TEXT)),
                            "Skipped", open(required("reason", TEXT))))))),
            required("tables", list(TABLE, 0)),
            required("views", list(open(
                    required("name", TEXT),
                    optional("schema", OPTIONAL_TEXT),
                    optional("definition", OPTIONAL_TEXT),
                    required("columns", list(COLUMN, 0)),
                    optional("comment", OPTIONAL_TEXT)), 0)),
            required("indexes", list(INDEX, 0)),
            required("constraints", list(CONSTRAINT, 0)),
            required("procedures", list(ROUTINE, 0)),
            required("functions", list(ROUTINE, 0)),
            required("triggers", list(open(
                    required("name", TEXT),
                    required("table_name", TEXT),
                    optional("schema", OPTIONAL_TEXT),
                    required("event", words("Insert", "Update", "Delete")),
                    required("timing", words("Before", "After", "InsteadOf")),
                    optional("definition", OPTIONAL_TEXT)), 0)),
            required("custom_types", list(open(
                    required("name", TEXT),
                    optional("schema", OPTIONAL_TEXT),
                    required("definition", TEXT),
                    required("category", words("Enum", "Composite", "Domain", "Range"))), 0)),
            optional("samples", nullable(list(SAMPLE, 0))),
            // dbsurveyor writes no quality metrics: a document with them is left to the full check.
            optional("quality_metrics", nullable(NOT_PROVEN)),
            required("collection_metadata", open(
                    required("collected_at", TIMESTAMP),
                    required("collection_duration_ms", whole(0, Long.MAX_VALUE)),
                    required("collector_version", NON_EMPTY_TEXT),
                    required("warnings", list(TEXT, 0)))));

    private final UpstreamTokens tokens;
    private int depth;

    private UpstreamQuickAccept(UpstreamTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * True when the document whose serializer output is {@code tokens} is surely accepted by every
     * step of upstream's loader; false when it may not be (then only the full check can say).
     */
    static boolean accepts(UpstreamTokens tokens) {
        if (!NUMBERS_AS_WRITTEN) {
            return false;
        }
        try {
            tokens.next();
            DOCUMENT.read(new UpstreamQuickAccept(tokens));
            return tokens.next() == null;
        } catch (NotProvenException e) {
            return false;
        }
    }

    /** Not proven: the walk stops, and the full check decides. */
    private static final class NotProvenException extends RuntimeException {
        private static final NotProvenException INSTANCE = new NotProvenException();

        private NotProvenException() {
            super(null, null, false, false);
        }
    }

    private void notProven() {
        throw NotProvenException.INSTANCE;
    }

    private void enter() {
        depth++;
        if (depth > UpstreamJsonParse.MAX_DEPTH) {
            notProven();
        }
    }

    /** Advances inside an object: true at the next member's name, false past its end. */
    private boolean nextMember() {
        JsonToken token = tokens.next();
        if (token == JsonToken.END_OBJECT) {
            depth--;
            return false;
        }
        if (token != JsonToken.FIELD_NAME) {
            notProven();
        }
        return true;
    }

    /** A name no rule knows, which the parse step checks as it checks a string. */
    private void unknownName() {
        if (UpstreamJsonParse.loneSurrogate(tokens.text()) >= 0) {
            notProven();
        }
    }

    /** Advances inside an array: true at the next element, false past its end. */
    private boolean nextElement() {
        if (tokens.next() == JsonToken.END_ARRAY) {
            depth--;
            return false;
        }
        return true;
    }

    private void any() {
        JsonToken token = tokens.current();
        switch (token) {
            case START_OBJECT -> {
                enter();
                while (nextMember()) {
                    unknownName();
                    tokens.next();
                    any();
                }
            }
            case START_ARRAY -> {
                enter();
                while (nextElement()) {
                    any();
                }
            }
            case VALUE_STRING -> string();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> anyNumber();
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
            }
            default -> notProven();
        }
    }

    /** A string value as the parse step and the credential scan see it. */
    private String string() {
        String text = tokens.text();
        if (UpstreamJsonParse.loneSurrogate(text) >= 0 || UpstreamCredentialScan.refuses(text)) {
            notProven();
        }
        return text;
    }

    private void text(boolean nonEmpty) {
        if (tokens.current() != JsonToken.VALUE_STRING || (string().isEmpty() && nonEmpty)) {
            notProven();
        }
    }

    private void flag() {
        JsonToken token = tokens.current();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            notProven();
        }
    }

    private void timestamp() {
        if (tokens.current() != JsonToken.VALUE_STRING || !UpstreamTimestamps.accepts(string())) {
            notProven();
        }
    }

    /** A number where any JSON goes: it must be one serde_json reads, from the text Jackson writes for it. */
    private void anyNumber() {
        Number number = tokens.number();
        if (isLong(number)) {
            return;
        }
        String literal;
        if (number instanceof Double value) {
            if (!Double.isFinite(value)) {
                return; // written as the string "NaN", "Infinity" or "-Infinity", which nothing refuses
            }
            literal = NumberOutput.toString(value, FAST_DOUBLES);
        } else if (number instanceof Float value) {
            if (!Float.isFinite(value)) {
                return;
            }
            literal = NumberOutput.toString(value, FAST_DOUBLES);
        } else if (number instanceof BigDecimal decimal) {
            literal = PLAIN_DECIMALS ? decimal.toPlainString() : decimal.toString();
        } else {
            literal = number.toString();
        }
        if (UpstreamNumbers.read(literal).isEmpty()) {
            notProven();
        }
    }

    /** Written as a long's digits, which serde_json reads as the same integer. */
    private static boolean isLong(Number number) {
        return number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte;
    }

    private void readWhole(long min, long max) {
        if (tokens.current() != JsonToken.VALUE_NUMBER_INT || !isLong(tokens.number())) {
            notProven();
        }
        long value = tokens.number().longValue();
        if (value < min || value > max) {
            notProven();
        }
    }

    private static Rule whole(long min, long max) {
        return reading -> reading.readWhole(min, max);
    }

    private static Rule nullable(Rule rule) {
        return reading -> {
            if (reading.tokens.current() != JsonToken.VALUE_NULL) {
                rule.read(reading);
            }
        };
    }

    private static Rule words(String... allowed) {
        Set<String> words = Set.of(allowed);
        return reading -> {
            if (reading.tokens.current() != JsonToken.VALUE_STRING || !words.contains(reading.string())) {
                reading.notProven();
            }
        };
    }

    private static Rule list(Rule element, int minItems) {
        return reading -> {
            if (reading.tokens.current() != JsonToken.START_ARRAY) {
                reading.notProven();
            }
            reading.enter();
            int items = 0;
            while (reading.nextElement()) {
                element.read(reading);
                items++;
            }
            if (items < minItems) {
                reading.notProven();
            }
        };
    }

    /** An externally tagged enum: one of its unit variants as a string, or a one-key object around a struct variant's body. */
    private static Rule tagged(Set<String> units, Map<String, Struct> bodies) {
        return reading -> {
            JsonToken token = reading.tokens.current();
            if (token == JsonToken.VALUE_STRING) {
                if (!units.contains(reading.string())) {
                    reading.notProven();
                }
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                reading.notProven();
            }
            reading.enter();
            if (!reading.nextMember()) {
                reading.notProven();
            }
            Struct body = bodies.get(reading.tokens.text());
            if (body == null) {
                reading.notProven();
            }
            reading.tokens.next();
            body.read(reading);
            if (reading.nextMember()) {
                reading.notProven();
            }
        };
    }

    /** Upstream's UnifiedDataType as both its schema (closed bodies, narrower integers) and serde allow it. */
    private static Rule dataType() {
        Map<String, Struct> bodies = new HashMap<>();
        Rule type = tagged(Set.of("Boolean", "Date", "Json", "Uuid"), bodies);
        Struct length = closed(optional("max_length", nullable(whole(1, U32_MAX))));
        bodies.put("String", length);
        bodies.put("Binary", length);
        bodies.put("Integer", closed(required("bits", bits()), required("signed", FLAG)));
        bodies.put("Float", closed(optional("precision", nullable(whole(1, 255)))));
        bodies.put("DateTime", closed(required("with_timezone", FLAG)));
        bodies.put("Time", closed(required("with_timezone", FLAG)));
        bodies.put("Array", closed(required("element_type", type)));
        bodies.put("Custom", closed(required("type_name", NON_EMPTY_TEXT)));
        return type;
    }

    private static Rule bits() {
        Set<Long> allowed = Set.of(8L, 16L, 32L, 64L, 128L);
        return reading -> {
            reading.readWhole(8, 128);
            if (!allowed.contains(reading.tokens.number().longValue())) {
                reading.notProven();
            }
        };
    }

    /** One member of a struct: its name, whether it must be there, and what its value may be. */
    private record Member(String name, boolean required, Rule rule) {
    }

    private static Member required(String name, Rule rule) {
        return new Member(name, true, rule);
    }

    private static Member optional(String name, Rule rule) {
        return new Member(name, false, rule);
    }

    private static Struct open(Member... members) {
        return new Struct(List.of(members), false);
    }

    private static Struct closed(Member... members) {
        return new Struct(List.of(members), true);
    }

    /**
     * An object with known members (at most 64), each at most once; other members are read as any
     * JSON, or not proven when the struct is closed.
     */
    private static final class Struct implements Rule {

        private final Map<String, Integer> positions = new LinkedHashMap<>();
        private final Rule[] rules;
        private final boolean closed;
        private final long required;

        Struct(List<Member> members, boolean closed) {
            this.rules = new Rule[members.size()];
            this.closed = closed;
            long mask = 0;
            for (int i = 0; i < members.size(); i++) {
                positions.put(members.get(i).name(), i);
                rules[i] = members.get(i).rule();
                mask |= members.get(i).required() ? 1L << i : 0;
            }
            this.required = mask;
        }

        @Override
        public void read(UpstreamQuickAccept reading) {
            if (reading.tokens.current() != JsonToken.START_OBJECT) {
                reading.notProven();
            }
            reading.enter();
            long seen = 0;
            while (reading.nextMember()) {
                Integer position = positions.get(reading.tokens.text());
                if (position == null) {
                    if (closed) {
                        reading.notProven();
                    }
                    reading.unknownName();
                    reading.tokens.next();
                    reading.any();
                    continue;
                }
                reading.tokens.next();
                long bit = 1L << position;
                if ((seen & bit) != 0) {
                    reading.notProven();
                }
                seen |= bit;
                rules[position].read(reading);
            }
            if ((seen & required) != required) {
                reading.notProven();
            }
        }
    }
}
