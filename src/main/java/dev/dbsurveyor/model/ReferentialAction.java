package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** What a foreign key does when the referenced row is deleted or updated. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum ReferentialAction {
    CASCADE,
    SET_NULL,
    SET_DEFAULT,
    RESTRICT,
    NO_ACTION
}
