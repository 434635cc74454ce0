package dev.dbsurveyor.retry;

import dev.dbsurveyor.model.ErrorCategory;

/**
 * What an error means for a sweep: its category, whether trying again may succeed, and whether
 * it concerns the connection rather than one statement.
 */
public record ErrorClassification(ErrorCategory category, boolean transientError, boolean connectionError) {

    public ErrorClassification {
        java.util.Objects.requireNonNull(category, "category");
    }
}
