package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** Stage of collecting one database in which an {@link ObjectFailure} happened. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum CollectionStage {
    ENUMERATE_SCHEMAS,
    ENUMERATE_TABLES,
    COLLECT_COLUMNS,
    COLLECT_CONSTRAINTS,
    COLLECT_INDEXES,
    COLLECT_VIEWS,
    COLLECT_ROUTINES,
    COLLECT_TRIGGERS,
    OTHER,
    /** Addition to v1.0: reading a table's sample rows. */
    SAMPLE_DATA,
    /** Addition to v1.0: reading who may reach what (privileges, default privileges, row security, owners). */
    COLLECT_PRIVILEGES
}
