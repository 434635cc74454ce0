package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** What kind of relation a table is; an addition to v1.0 ({@code null} when a file does not say). */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum TableKind {
    TABLE,
    PARTITIONED_TABLE,
    FOREIGN_TABLE,
    SYSTEM_VERSIONED_TABLE,
    /** A table a module implements (SQLite's {@code CREATE VIRTUAL TABLE … USING module}). */
    VIRTUAL_TABLE
}
