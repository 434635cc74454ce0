package dev.dbsurveyor.fleet;

import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.retry.ErrorClassification;
import dev.dbsurveyor.retry.ErrorClassifier;
import dev.dbsurveyor.retry.RetriedException;

/** Why a server of a fleet could not be swept at all (it could not be reached, or refused to list its databases). */
public record ServerFailure(String message, ErrorCategory category, boolean connectionError, int retryAttempts) {

    /** The failure {@code error} describes, classified as a database's failure is. */
    public static ServerFailure of(Throwable error) {
        ErrorClassification classification = ErrorClassifier.classify(error);
        Throwable cause = error instanceof RetriedException retried ? retried.failure() : error;
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new ServerFailure(message, classification.category(), classification.connectionError(), RetriedException.retriesOf(error));
    }
}
