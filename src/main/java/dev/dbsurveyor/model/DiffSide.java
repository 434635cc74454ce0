package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** One of the two collections a change document compares. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum DiffSide {
    OLD,
    NEW;

    /** The other side. */
    public DiffSide other() {
        return this == OLD ? NEW : OLD;
    }
}
