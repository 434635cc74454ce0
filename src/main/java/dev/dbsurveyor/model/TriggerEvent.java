package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** An event a trigger fires on; {@code Truncate} (PostgreSQL) is an addition to v1.0. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum TriggerEvent {
    INSERT,
    UPDATE,
    DELETE,
    TRUNCATE
}
