package dev.dbsurveyor.model;

import java.time.Instant;
import java.util.List;

/**
 * One database's document in the dbsurveyor v1.0 format. Top-level {@code indexes} and
 * {@code constraints} list every table's; {@code samples} is null when sampling was off.
 * {@code truncateTriggers} (an addition) holds the triggers v1.0 cannot describe (those that fire
 * on TRUNCATE only); a trigger given in {@code triggers} that v1.0 cannot describe is moved there.
 * {@code access} (an addition) is the database's access map, null when it was not collected.
 */
public record DatabaseSchema(
        String formatVersion,
        DatabaseInfo databaseInfo,
        List<Table> tables,
        List<View> views,
        List<Index> indexes,
        List<Constraint> constraints,
        List<Routine> procedures,
        List<Routine> functions,
        List<Trigger> triggers,
        List<CustomType> customTypes,
        List<TableSample> samples,
        CollectionMetadata collectionMetadata,
        List<ScheduledEvent> events,
        List<Trigger> truncateTriggers,
        DatabaseAccess access) {

    /** The only format version this collector writes and reads. */
    public static final String FORMAT_VERSION = "1.0";

    public DatabaseSchema {
        formatVersion = FormatVersions.require(formatVersion);
        Require.present(databaseInfo, "database_info");
        tables = Require.list(tables);
        views = Require.list(views);
        indexes = Require.list(indexes);
        constraints = Require.list(constraints);
        procedures = Require.list(procedures);
        functions = Require.list(functions);
        triggers = Require.list(triggers);
        customTypes = Require.list(customTypes);
        samples = Require.optionalList(samples);
        Require.present(collectionMetadata, "collection_metadata");
        events = Require.list(events);
        truncateTriggers = Require.list(truncateTriggers);
        if (triggers.stream().anyMatch(trigger -> !trigger.inV1())) {
            List<Trigger> beyondV1 = new java.util.ArrayList<>(truncateTriggers);
            triggers.stream().filter(trigger -> !trigger.inV1()).forEach(beyondV1::add);
            truncateTriggers = List.copyOf(beyondV1);
            triggers = triggers.stream().filter(Trigger::inV1).toList();
        }
        if (truncateTriggers.stream().anyMatch(Trigger::inV1)) {
            throw new IllegalArgumentException("truncate_triggers holds only triggers that fire on Truncate alone");
        }
    }

    /** A document without an access map. */
    public DatabaseSchema(String formatVersion, DatabaseInfo databaseInfo, List<Table> tables, List<View> views, List<Index> indexes,
                          List<Constraint> constraints, List<Routine> procedures, List<Routine> functions, List<Trigger> triggers,
                          List<CustomType> customTypes, List<TableSample> samples, CollectionMetadata collectionMetadata,
                          List<ScheduledEvent> events, List<Trigger> truncateTriggers) {
        this(formatVersion, databaseInfo, tables, views, indexes, constraints, procedures, functions, triggers, customTypes, samples,
                collectionMetadata, events, truncateTriggers, null);
    }

    /** A document whose triggers v1.0 cannot describe are moved to {@code truncate_triggers}. */
    public DatabaseSchema(String formatVersion, DatabaseInfo databaseInfo, List<Table> tables, List<View> views, List<Index> indexes,
                          List<Constraint> constraints, List<Routine> procedures, List<Routine> functions, List<Trigger> triggers,
                          List<CustomType> customTypes, List<TableSample> samples, CollectionMetadata collectionMetadata,
                          List<ScheduledEvent> events) {
        this(formatVersion, databaseInfo, tables, views, indexes, constraints, procedures, functions, triggers, customTypes, samples,
                collectionMetadata, events, List.of(), null);
    }

    /** This document with {@code map} as its access map. */
    public DatabaseSchema withAccess(DatabaseAccess map) {
        return new DatabaseSchema(formatVersion, databaseInfo, tables, views, indexes, constraints, procedures, functions, triggers,
                customTypes, samples, collectionMetadata, events, truncateTriggers, map);
    }

    /** Every trigger: those v1.0 describes, then those that fire on TRUNCATE only. */
    public List<Trigger> allTriggers() {
        List<Trigger> all = new java.util.ArrayList<>(triggers);
        all.addAll(truncateTriggers);
        return List.copyOf(all);
    }

    /**
     * This document with {@code samples} and the failures met while sampling, added after the
     * failures of the catalog read.
     */
    public DatabaseSchema withSamples(List<TableSample> samples, List<ObjectFailure> samplingFailures) {
        List<ObjectFailure> failures = new java.util.ArrayList<>(collectionMetadata.objectFailures());
        failures.addAll(samplingFailures);
        CollectionMetadata metadata = new CollectionMetadata(collectionMetadata.collectedAt(), collectionMetadata.collectionDurationMs(),
                collectionMetadata.collectorVersion(), collectionMetadata.warnings(), failures);
        return new DatabaseSchema(formatVersion, databaseInfo, tables, views, indexes, constraints, procedures, functions, triggers,
                customTypes, samples, metadata, events, truncateTriggers, access);
    }

    /** This document with {@code warning} added to its collection metadata's warnings. */
    public DatabaseSchema withWarning(String warning) {
        List<String> warnings = new java.util.ArrayList<>(collectionMetadata.warnings());
        warnings.add(warning);
        CollectionMetadata metadata = new CollectionMetadata(collectionMetadata.collectedAt(), collectionMetadata.collectionDurationMs(),
                collectionMetadata.collectorVersion(), warnings, collectionMetadata.objectFailures());
        return new DatabaseSchema(formatVersion, databaseInfo, tables, views, indexes, constraints, procedures, functions, triggers,
                customTypes, samples, metadata, events, truncateTriggers, access);
    }

    /**
     * The document of a database that was not collected (failed or skipped): its name and its
     * status, nothing else.
     */
    public static DatabaseSchema notCollected(String database, CollectionStatus status, long durationMs, Instant at,
                                              String collectorVersion) {
        return new DatabaseSchema(FORMAT_VERSION,
                new DatabaseInfo(database, null, null, null, null, null, false, AccessLevel.NONE, status),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                new CollectionMetadata(at, durationMs, collectorVersion, List.of(), List.of()), List.of());
    }
}
