package dev.dbsurveyor.adapter.mysql;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.RowMetadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of an {@code information_schema} query, every value as text by column label. MySQL 8
 * answers some catalog columns as binary strings: those are decoded as UTF-8, the connection's
 * character set, so that names and definitions come out as text whatever the server.
 */
record InfoRow(Map<String, String> values) {

    static InfoRow read(Readable row, RowMetadata metadata) {
        List<? extends ColumnMetadata> columns = metadata.getColumnMetadatas();
        Map<String, String> values = new HashMap<>(columns.size() * 2);
        for (int i = 0; i < columns.size(); i++) {
            String text = text(row.get(i));
            if (text != null) {
                values.put(columns.get(i).getName().toLowerCase(java.util.Locale.ROOT), text);
            }
        }
        return new InfoRow(Map.copyOf(values));
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof ByteBuffer buffer) {
            return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
        }
        return value.toString();
    }

    /** The value of {@code column}, null when SQL NULL. */
    String text(String column) {
        return values.get(column);
    }

    /** The value of {@code column}, null when SQL NULL or empty. */
    String nonEmpty(String column) {
        String value = values.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    Long number(String column) {
        String value = values.get(column);
        return value == null ? null : Long.valueOf(value);
    }

    /** An integer column, {@code fallback} when NULL; values beyond {@code int} are cut to its maximum. */
    int integer(String column, int fallback) {
        Long value = number(column);
        return value == null ? fallback : (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, value));
    }

    String schema() {
        return values.get("schema_name");
    }
}
