package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/**
 * How one object differs between the two sides of a change document. {@code Unknown}: it is on
 * one side only, and the other side failed to collect it, so whether it changed is not known.
 */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum ChangeType {
    ADDED,
    REMOVED,
    CHANGED,
    UNKNOWN
}
