package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** Category of a user-defined type. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum TypeCategory {
    ENUM,
    COMPOSITE,
    DOMAIN,
    RANGE
}
