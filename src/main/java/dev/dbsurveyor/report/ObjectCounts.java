package dev.dbsurveyor.report;

import dev.dbsurveyor.model.DatabaseSchema;

/** How many objects of each kind one database's document holds. */
public record ObjectCounts(int tables, int views, int indexes, int constraints, int routines, int triggers, int customTypes,
                           int events, int samples) {

    /** Nothing: a database that was not collected. */
    public static final ObjectCounts NONE = new ObjectCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counts of {@code schema}; routines are its functions and procedures, triggers include TRUNCATE-only ones. */
    public static ObjectCounts of(DatabaseSchema schema) {
        return new ObjectCounts(schema.tables().size(), schema.views().size(), schema.indexes().size(), schema.constraints().size(),
                schema.functions().size() + schema.procedures().size(), schema.triggers().size() + schema.truncateTriggers().size(),
                schema.customTypes().size(), schema.events().size(), schema.samples() == null ? 0 : schema.samples().size());
    }
}
