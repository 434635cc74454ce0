package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/**
 * Kind of a table constraint. {@code Exclusion} (PostgreSQL) is not a v1.0 type: it appears only
 * in {@code constraint_kind}, and {@code constraint_type} says {@code Check}.
 */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum ConstraintType {
    PRIMARY_KEY,
    FOREIGN_KEY,
    UNIQUE,
    CHECK,
    NOT_NULL,
    EXCLUSION;

    /** Whether v1.0 has this type. */
    public boolean inV1() {
        return this != EXCLUSION;
    }

    /** The closest true v1.0 type: an exclusion constraint checks each row against the others. */
    public ConstraintType v1Form() {
        return inV1() ? this : CHECK;
    }
}
