package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** How a server sweep is written: one bundle file, or one file per database plus a manifest. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum OutputMode {
    SINGLE_BUNDLE,
    ONE_PER_DATABASE
}
