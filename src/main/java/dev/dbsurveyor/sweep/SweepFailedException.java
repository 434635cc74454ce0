package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.DatabaseFailure;

/** Ends a sweep that must not go on after a failure ({@code continue_on_error} off): the first database that failed. */
public final class SweepFailedException extends RuntimeException {

    private final transient DatabaseFailure failure;

    public SweepFailedException(DatabaseFailure failure) {
        super("Collecting database " + failure.databaseName() + " failed: " + failure.errorMessage());
        this.failure = failure;
    }

    public DatabaseFailure failure() {
        return failure;
    }
}
