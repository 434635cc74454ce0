package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** An event a trigger fires on; {@code Truncate} (PostgreSQL) is not a v1.0 event (see {@link Trigger}). */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum TriggerEvent {
    INSERT,
    UPDATE,
    DELETE,
    TRUNCATE;

    /** Whether v1.0 has this event. */
    public boolean inV1() {
        return this != TRUNCATE;
    }
}
