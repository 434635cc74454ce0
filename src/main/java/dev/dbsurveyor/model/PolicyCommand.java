package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** The commands a row-security policy applies to. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum PolicyCommand {
    ALL,
    SELECT,
    INSERT,
    UPDATE,
    DELETE
}
