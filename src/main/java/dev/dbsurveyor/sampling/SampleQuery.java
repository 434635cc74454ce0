package dev.dbsurveyor.sampling;

import dev.dbsurveyor.model.Table;

/**
 * One sample read: up to {@code limit} rows of {@code table}, newest first by {@code ordering},
 * or chosen at random when the ordering is {@link OrderingStrategy.Random}.
 */
public record SampleQuery(Table table, OrderingStrategy ordering, int limit) {

    /**
     * Row estimates above this make a table large: a random order would sort all of it, so
     * engines pick rows another way (PostgreSQL {@code TABLESAMPLE}).
     */
    public static final long LARGE_TABLE_ROWS = 100_000;

    public SampleQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("a sample reads at least one row: " + limit);
        }
    }

    /** The table's row estimate is above {@link #LARGE_TABLE_ROWS}. */
    public boolean large() {
        return table.rowCount() != null && table.rowCount() > LARGE_TABLE_ROWS;
    }
}
