package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** What kind of error ended an attempt; decides, with a transient flag, whether it is retried. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum ErrorCategory {
    PERMISSION,
    TIMEOUT,
    NOT_FOUND,
    INVALID_DATA,
    OTHER
}
