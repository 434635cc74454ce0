package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** Sort order of one index column. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum SortOrder {
    ASCENDING,
    DESCENDING
}
