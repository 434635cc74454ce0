package dev.dbsurveyor.adapter.mysql;

import io.r2dbc.spi.Readable;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The rows the {@code information_schema} queries return, one record per query, and how each is
 * read from the driver's row by the column labels the query gives. MySQL 8 answers some catalog
 * columns as binary strings: those are decoded as UTF-8, the connection's character set, so that
 * names and definitions come out as text whatever the server.
 */
final class MySqlCatalogRows {

    private MySqlCatalogRows() {
    }

    /** A row of a stage's query: every one names the database (schema) it belongs to, so that a batch's rows part by database. */
    sealed interface MySqlRow permits SchemaRow, TableRow, ColumnRow, TableConstraintRow, KeyColumnRow, ReferentialRow, CheckRow,
            IndexColumnRow, ViewRow, RoutineRow, ParameterRow, TriggerRow, EventRow {

        String schema();
    }

    record SchemaRow(String schema, String encoding, String collation) implements MySqlRow {

        static SchemaRow read(Readable row) {
            return new SchemaRow(text(row, "schema_name"), text(row, "encoding"), text(row, "collation"));
        }
    }

    /** A table or view; {@code type} is {@code TABLE_TYPE} ({@code BASE TABLE}, {@code VIEW}, {@code SYSTEM VERSIONED}, …). */
    record TableRow(String schema, String name, String type, Long rowEstimate, Long sizeBytes, String comment, String createOptions)
            implements MySqlRow {

        static TableRow read(Readable row) {
            return new TableRow(text(row, "schema_name"), text(row, "table_name"), text(row, "table_type"), number(row, "row_estimate"),
                    number(row, "size_bytes"), text(row, "comment"), text(row, "create_options"));
        }
    }

    record ColumnRow(String schema, String tableName, String name, int position, String defaultValue, String isNullable,
                     String dataType, String columnType, Long maxLength, Long numericPrecision, String extra, String comment,
                     String generationExpression) implements MySqlRow {

        static ColumnRow read(Readable row) {
            return new ColumnRow(text(row, "schema_name"), text(row, "table_name"), text(row, "column_name"), integer(row, "position", 1),
                    text(row, "default_value"), text(row, "is_nullable"), text(row, "data_type"), text(row, "column_type"),
                    number(row, "max_length"), number(row, "numeric_precision"), text(row, "extra"), text(row, "comment"),
                    text(row, "generation_expression"));
        }
    }

    record TableConstraintRow(String schema, String tableName, String name, String type) implements MySqlRow {

        static TableConstraintRow read(Readable row) {
            return new TableConstraintRow(text(row, "schema_name"), text(row, "table_name"), text(row, "constraint_name"),
                    text(row, "constraint_type"));
        }
    }

    /** One column of a key; the referenced table and column are set for a foreign key's columns only. */
    record KeyColumnRow(String schema, String tableName, String constraintName, String columnName, int position,
                        String referencedSchema, String referencedTable, String referencedColumn) implements MySqlRow {

        static KeyColumnRow read(Readable row) {
            return new KeyColumnRow(text(row, "schema_name"), text(row, "table_name"), text(row, "constraint_name"),
                    text(row, "column_name"), integer(row, "position", 0), text(row, "referenced_schema"), text(row, "referenced_table"),
                    text(row, "referenced_column"));
        }

        boolean foreign() {
            return referencedTable != null;
        }
    }

    record ReferentialRow(String schema, String tableName, String constraintName, String onUpdate, String onDelete) implements MySqlRow {

        static ReferentialRow read(Readable row) {
            return new ReferentialRow(text(row, "schema_name"), text(row, "table_name"), text(row, "constraint_name"),
                    text(row, "on_update"), text(row, "on_delete"));
        }
    }

    /** A check constraint; MySQL's catalog names no table ({@code tableName} null), MariaDB's does. */
    record CheckRow(String schema, String tableName, String constraintName, String clause) implements MySqlRow {

        static CheckRow read(Readable row) {
            return new CheckRow(text(row, "schema_name"), text(row, "table_name"), text(row, "constraint_name"), text(row, "check_clause"));
        }
    }

    /** One column (or expression) of an index, from {@code STATISTICS}. */
    record IndexColumnRow(String schema, String tableName, String indexName, boolean unique, int position, String columnName,
                          String collation, Long subPart, String indexType, String expression) implements MySqlRow {

        static IndexColumnRow read(Readable row) {
            return new IndexColumnRow(text(row, "schema_name"), text(row, "table_name"), text(row, "index_name"),
                    "0".equals(text(row, "non_unique")), integer(row, "position", 0), text(row, "column_name"), text(row, "collation"),
                    number(row, "sub_part"), text(row, "index_type"), text(row, "expression"));
        }
    }

    /** A view; {@code definition} is empty when the role lacks {@code SHOW VIEW} on it. */
    record ViewRow(String schema, String name, String definition) implements MySqlRow {

        static ViewRow read(Readable row) {
            return new ViewRow(text(row, "schema_name"), text(row, "table_name"), text(row, "definition"));
        }
    }

    /** A procedure or function; {@code definition} is null when the role may not see its body. */
    record RoutineRow(String schema, String specificName, String name, String type, String dataType, String returnType, Long maxLength,
                      Long numericPrecision, String language, String definition, String comment) implements MySqlRow {

        static RoutineRow read(Readable row) {
            return new RoutineRow(text(row, "schema_name"), text(row, "specific_name"), text(row, "routine_name"),
                    text(row, "routine_type"), text(row, "data_type"), text(row, "return_type"), number(row, "max_length"),
                    number(row, "numeric_precision"), text(row, "language"), text(row, "definition"), text(row, "comment"));
        }
    }

    record ParameterRow(String schema, String specificName, String routineType, int position, String mode, String name,
                        String dataType, String columnType, Long maxLength, Long numericPrecision) implements MySqlRow {

        static ParameterRow read(Readable row) {
            return new ParameterRow(text(row, "schema_name"), text(row, "specific_name"), text(row, "routine_type"),
                    integer(row, "position", 0), text(row, "mode"), text(row, "parameter_name"), text(row, "data_type"),
                    text(row, "column_type"), number(row, "max_length"), number(row, "numeric_precision"));
        }
    }

    record TriggerRow(String schema, String name, String event, String tableName, String timing, String definition, int actionOrder)
            implements MySqlRow {

        static TriggerRow read(Readable row) {
            return new TriggerRow(text(row, "schema_name"), text(row, "trigger_name"), text(row, "event"), text(row, "table_name"),
                    text(row, "timing"), text(row, "definition"), integer(row, "action_order", 0));
        }
    }

    /** A scheduled event; times come formatted by the query, {@code ONE TIME} events have {@code executeAt}, recurring ones an interval. */
    record EventRow(String schema, String name, String definition, String type, String executeAt, String intervalValue,
                    String intervalField, String starts, String ends, String status, String comment) implements MySqlRow {

        static EventRow read(Readable row) {
            return new EventRow(text(row, "schema_name"), text(row, "event_name"), text(row, "definition"), text(row, "event_type"),
                    text(row, "execute_at"), text(row, "interval_value"), text(row, "interval_field"), text(row, "starts"),
                    text(row, "ends"), text(row, "status"), text(row, "comment"));
        }
    }

    /** The server, from {@code server.sql}. */
    record ServerRow(String version, String versionComment, String user, boolean superuser, int schemaCount) {

        static ServerRow read(Readable row) {
            return new ServerRow(text(row, "version"), text(row, "version_comment"), text(row, "current_user_name"),
                    integer(row, "super", 0) > 0, integer(row, "schema_count", 0));
        }
    }

    /** A database of the server, from {@code enumerate.sql}. */
    record EnumeratedRow(String name, String encoding, String collation, Long sizeBytes) {

        static EnumeratedRow read(Readable row) {
            return new EnumeratedRow(text(row, "schema_name"), text(row, "encoding"), text(row, "collation"), number(row, "size_bytes"));
        }
    }

    /** The value of {@code column} as text, null when SQL NULL. */
    static String text(Readable row, String column) {
        return text(row.get(column));
    }

    private static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof ByteBuffer buffer) {
            return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
        }
        return value.toString();
    }

    /**
     * A whole number, null when SQL NULL. MariaDB's catalog numbers are mostly {@code BIGINT UNSIGNED},
     * which the driver answers as {@link BigInteger}; one it answers as a decimal or as text (a sum,
     * say) is read from its text. A number beyond {@code long} does not read.
     */
    private static Long number(Readable row, String column) {
        Object value = row.get(column);
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger unsigned) {
            return unsigned.longValueExact();
        }
        String text = text(value);
        return text == null ? null : Long.valueOf(text);
    }

    /** An integer column, {@code fallback} when NULL; values beyond {@code int} are cut to its maximum. */
    private static int integer(Readable row, String column, int fallback) {
        Long value = number(row, column);
        return value == null ? fallback : (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, value));
    }
}
