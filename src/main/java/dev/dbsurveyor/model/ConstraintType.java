package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** Kind of a table constraint; {@code Exclusion} (PostgreSQL) is an addition to v1.0. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum ConstraintType {
    PRIMARY_KEY,
    FOREIGN_KEY,
    UNIQUE,
    CHECK,
    NOT_NULL,
    EXCLUSION
}
