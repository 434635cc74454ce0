package dev.dbsurveyor.model;

/** A database whose collection failed as a whole, after {@code retryAttempts} retries. */
public record DatabaseFailure(
        String databaseName,
        String errorMessage,
        ErrorCategory errorCategory,
        boolean isConnectionError,
        int retryAttempts) {

    public DatabaseFailure {
        Require.text(databaseName, "database_name");
        Require.present(errorMessage, "error_message");
        Require.present(errorCategory, "error_category");
        Require.nonNegative(retryAttempts, "retry_attempts");
    }
}
