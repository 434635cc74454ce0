package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.retry.ErrorClassification;
import dev.dbsurveyor.retry.ErrorClassifier;
import dev.dbsurveyor.retry.RetriedException;
import dev.dbsurveyor.model.ErrorCategory;

/** One-line messages for what can go wrong, saying what is wrong and what to do. */
final class Messages {

    private Messages() {
    }

    static String of(Throwable error) {
        if (error instanceof ConfigurationException) {
            return error.getMessage();
        }
        if (error instanceof java.io.UncheckedIOException io) {
            return "cannot write the output: " + (io.getCause().getMessage() != null ? io.getCause().getMessage()
                    : io.getCause().getClass().getSimpleName());
        }
        Throwable cause = error instanceof RetriedException retried ? retried.failure() : error;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        ErrorClassification classification = ErrorClassifier.classify(error);
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        String advice = advice(classification);
        return advice.isEmpty() ? message : message + " (" + advice + ")";
    }

    private static String advice(ErrorClassification classification) {
        if (classification.category() == ErrorCategory.PERMISSION && classification.connectionError()) {
            return "check the user name and password";
        }
        if (classification.category() == ErrorCategory.NOT_FOUND && classification.connectionError()) {
            return "check the database name";
        }
        if (classification.connectionError()) {
            return "check that the server runs and the host and port are right";
        }
        return "";
    }
}
