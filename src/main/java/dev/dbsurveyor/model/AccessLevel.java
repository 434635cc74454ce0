package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** How much of a database the collecting role could read: written {@code Full}, {@code Limited} or {@code None}. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum AccessLevel {
    FULL,
    LIMITED,
    NONE
}
