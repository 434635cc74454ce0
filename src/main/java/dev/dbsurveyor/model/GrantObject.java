package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** What a privilege is granted on; an addition to v1.0. {@code Global} is a MySQL privilege on the whole server. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum GrantObject {
    GLOBAL,
    DATABASE,
    SCHEMA,
    TABLE,
    VIEW,
    MATERIALIZED_VIEW,
    SEQUENCE,
    FOREIGN_TABLE,
    COLUMN,
    FUNCTION,
    PROCEDURE,
    TYPE
}
