package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** When a trigger fires relative to its event. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum TriggerTiming {
    BEFORE,
    AFTER,
    INSTEAD_OF
}
