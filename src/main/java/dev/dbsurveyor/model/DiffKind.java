package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

import java.util.Locale;

/**
 * Kind of object a change document compares. Each kind is selected on the command line by its
 * {@linkplain #selector() selector}: {@code table} selects tables with their columns and keys,
 * {@code view} views with their columns, every other kind itself.
 */
@EnumNaming(EnumNamingStrategies.UpperCamelCaseStrategy.class)
public enum DiffKind {
    DATABASE,
    TABLE,
    COLUMN,
    PRIMARY_KEY,
    FOREIGN_KEY,
    CONSTRAINT,
    INDEX,
    VIEW,
    VIEW_COLUMN,
    PROCEDURE,
    FUNCTION,
    TRIGGER,
    CUSTOM_TYPE,
    EVENT,
    SAMPLE,
    /** Addition: one grantee's privilege on one object, a default privilege, or an object's owner. */
    PRIVILEGE,
    /** Addition: a table's row-security flags and each of its policies. */
    POLICY;

    /** The word that selects this kind ({@code --kind}): its own name in snake_case, or its owner's. */
    public String selector() {
        return switch (this) {
            case COLUMN, PRIMARY_KEY, FOREIGN_KEY -> TABLE.selector();
            case VIEW_COLUMN -> VIEW.selector();
            default -> word();
        };
    }

    /** This kind in lower snake_case, as messages name it ({@code custom_type}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this kind is a part of a table or view, named by its owner and its own name. */
    public boolean partOfTable() {
        return switch (this) {
            case COLUMN, PRIMARY_KEY, FOREIGN_KEY, CONSTRAINT, INDEX, VIEW_COLUMN, TRIGGER, SAMPLE, PRIVILEGE, POLICY -> true;
            default -> false;
        };
    }
}
