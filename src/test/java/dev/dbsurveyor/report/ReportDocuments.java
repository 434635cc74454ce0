package dev.dbsurveyor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Documents the report tests start from: the committed every-object-kind documents, renamed or grown. */
public final class ReportDocuments {

    /** A name meant to run script wherever a page would take it as markup. */
    public static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"' | *x* [l](javascript:alert(3)) `t`";

    private ReportDocuments() {
    }

    /** The committed document of every PostgreSQL object kind. */
    public static ObjectNode postgres() {
        return read("/diff/postgres-every-object-kind.json");
    }

    /** The committed document of every MariaDB object kind. */
    public static ObjectNode mariadb() {
        return read("/diff/mariadb-every-object-kind.json");
    }

    /** {@code document} with its first table, its first column and the database itself named after {@link #HOSTILE}. */
    public static ObjectNode hostile(ObjectNode document) {
        ObjectNode copy = document.deepCopy();
        ((ObjectNode) copy.get("database_info")).put("name", "db " + HOSTILE);
        ObjectNode table = (ObjectNode) copy.get("tables").get(0);
        String old = table.get("name").asText();
        table.put("name", "table " + HOSTILE);
        table.put("comment", "comment " + HOSTILE);
        ((ObjectNode) table.get("columns").get(0)).put("name", "column " + HOSTILE);
        for (JsonNode other : copy.get("tables")) {
            for (JsonNode foreignKey : other.get("foreign_keys")) {
                if (foreignKey.get("referenced_table").asText().equals(old)) {
                    ((ObjectNode) foreignKey).put("referenced_table", "table " + HOSTILE);
                }
            }
        }
        return copy;
    }

    /**
     * A document of {@code tables} tables, spread over schemas as {@code perSchema} says (each
     * entry a schema's table count), each table with an id and a foreign key to the one before it.
     */
    public static ObjectNode tables(int... perSchema) {
        ObjectNode document = postgres();
        ArrayNode tables = document.putArray("tables");
        document.putArray("indexes");
        document.putArray("constraints");
        document.putArray("samples");
        for (int schema = 0; schema < perSchema.length; schema++) {
            for (int i = 0; i < perSchema[schema]; i++) {
                ObjectNode table = tables.addObject();
                table.put("name", "t" + i);
                table.put("schema", "s" + schema);
                ArrayNode columns = table.putArray("columns");
                column(columns, "id", 1, false, true);
                column(columns, "parent_id", 2, true, false);
                table.putObject("primary_key").put("name", "t" + i + "_pkey").putArray("columns").add("id");
                ArrayNode foreignKeys = table.putArray("foreign_keys");
                if (i > 0) {
                    ObjectNode foreignKey = foreignKeys.addObject();
                    foreignKey.put("name", "t" + i + "_parent");
                    foreignKey.putArray("columns").add("parent_id");
                    foreignKey.put("referenced_table", "t" + (i - 1));
                    foreignKey.put("referenced_schema", "s" + schema);
                    foreignKey.putArray("referenced_columns").add("id");
                    foreignKey.put("on_delete", "NoAction");
                    foreignKey.put("on_update", "NoAction");
                }
                table.putArray("indexes");
                table.putArray("constraints");
                table.putNull("comment");
                table.putNull("row_count");
            }
        }
        return document;
    }

    private static void column(ArrayNode columns, String name, int position, boolean nullable, boolean primary) {
        ObjectNode column = columns.addObject();
        column.put("name", name);
        column.putObject("data_type").putObject("Integer").put("bits", 64).put("signed", true);
        column.put("is_nullable", nullable);
        column.put("is_primary_key", primary);
        column.put("is_auto_increment", false);
        column.putNull("default_value");
        column.putNull("comment");
        column.put("ordinal_position", position);
    }

    /** Writes {@code document} to {@code file}, checked against its schema first. */
    public static Path write(ObjectNode document, Path file) {
        try {
            String json = ContractMapper.mapper().writeValueAsString(document);
            ContractSchemas.assertValid(ContractSchemas.Kind.DOCUMENT, json);
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = ReportDocuments.class.getResourceAsStream(resource)) {
            return (ObjectNode) ContractMapper.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
