package dev.dbsurveyor.model;

/**
 * One object (or one stage) that could not be collected, after {@code retryAttempts} retries;
 * {@code finalBackoffMs} is the last delay waited, or null when nothing was retried.
 */
public record ObjectFailure(
        ObjectType objectType,
        String objectName,
        String schemaName,
        CollectionStage stage,
        ErrorCategory errorCategory,
        String errorMessage,
        int retryAttempts,
        Long finalBackoffMs) {

    public ObjectFailure {
        Require.present(objectType, "object_type");
        Require.present(objectName, "object_name");
        Require.present(stage, "stage");
        Require.present(errorCategory, "error_category");
        Require.present(errorMessage, "error_message");
        Require.nonNegative(retryAttempts, "retry_attempts");
        Require.nonNegative(finalBackoffMs, "final_backoff_ms");
    }
}
