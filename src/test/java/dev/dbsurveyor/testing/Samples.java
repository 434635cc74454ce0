package dev.dbsurveyor.testing;

import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.TableSample;

import java.util.List;

/** Finding samples in a document, and one column's values in a sample, for tests on either engine. */
public final class Samples {

    private Samples() {
    }

    /** The sample of the table named {@code table}; fails the test when there is none. */
    public static TableSample of(DatabaseSchema document, String table) {
        return document.samples().stream().filter(sample -> table.equals(sample.tableName())).findFirst()
                .orElseThrow(() -> new AssertionError("No sample of " + table));
    }

    /** A column's values in row order, as text. */
    public static List<String> values(TableSample sample, String column) {
        return sample.rows().stream().map(row -> row.get(column).asText()).toList();
    }
}
