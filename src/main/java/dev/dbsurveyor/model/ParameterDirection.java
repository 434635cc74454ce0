package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** Direction of a routine parameter. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum ParameterDirection {
    IN,
    OUT,
    IN_OUT
}
