package dev.dbsurveyor.sampling;

import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.UnifiedDataType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the rows of a table are ordered to find its most recent ones, detected from the collected
 * schema alone. In order of preference: the primary key, a creation or modification timestamp,
 * an auto-increment column; a table with none of them is sampled at random.
 */
public sealed interface OrderingStrategy {

    /** Timestamp column names that count, most preferred first; compared without regard to case. */
    List<String> TIMESTAMP_NAMES = List.of("created_at", "inserted_at", "date_created", "created", "updated_at", "modified_at",
            "timestamp");

    /** The columns to order by, newest first; empty for {@link Random}. */
    List<String> columns();

    /** Ordered by the primary key's columns, in key order. */
    record PrimaryKey(List<String> columns) implements OrderingStrategy {
        public PrimaryKey {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a primary key has at least one column");
            }
        }
    }

    /** Ordered by a timestamp or date column named like a creation or modification time. */
    record Timestamp(String column) implements OrderingStrategy {
        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /** Ordered by an identity, serial or auto-increment column. */
    record AutoIncrement(String column) implements OrderingStrategy {
        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /** No ordering: rows are chosen at random. */
    record Random() implements OrderingStrategy {
        @Override
        public List<String> columns() {
            return List.of();
        }
    }

    /** The strategy for {@code table}, from its primary key and columns. */
    static OrderingStrategy of(Table table) {
        if (table.primaryKey() != null) {
            return new PrimaryKey(table.primaryKey().columns());
        }
        return timestampColumn(table)
                .<OrderingStrategy>map(Timestamp::new)
                .or(() -> table.columns().stream().filter(Column::isAutoIncrement).findFirst().map(column -> new AutoIncrement(column.name())))
                .orElseGet(Random::new);
    }

    private static Optional<String> timestampColumn(Table table) {
        for (String wanted : TIMESTAMP_NAMES) {
            for (Column column : table.columns()) {
                if (column.name().toLowerCase(Locale.ROOT).equals(wanted) && isTimestamp(column.dataType())) {
                    return Optional.of(column.name());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isTimestamp(UnifiedDataType type) {
        return type instanceof UnifiedDataType.DateTimeType || type instanceof UnifiedDataType.DateType;
    }
}
