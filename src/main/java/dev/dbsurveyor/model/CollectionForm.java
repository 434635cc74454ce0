package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** What a collection on disk is: one database's document, a bundle, or a per-database directory. */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum CollectionForm {
    DOCUMENT,
    BUNDLE,
    DIRECTORY
}
