package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/**
 * How one database differs between the two sides: only on the new side ({@code Added}) or the old
 * ({@code Removed}); collected on the old side and not on the new ({@code Failed}) or the other
 * way round ({@code Recovered}); collected on both with objects that differ ({@code Changed}).
 */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum DatabaseChangeType {
    ADDED,
    REMOVED,
    FAILED,
    RECOVERED,
    CHANGED;

    /** The same difference seen from the other side. */
    public DatabaseChangeType reversed() {
        return switch (this) {
            case ADDED -> REMOVED;
            case REMOVED -> ADDED;
            case FAILED -> RECOVERED;
            case RECOVERED -> FAILED;
            case CHANGED -> CHANGED;
        };
    }
}
