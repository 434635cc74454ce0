package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.retry.ErrorClassification;
import dev.dbsurveyor.retry.ErrorClassifier;
import dev.dbsurveyor.retry.RetriedException;
import dev.dbsurveyor.retry.TlsRefusedException;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.server.ServerTarget;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/** One-line messages for what can go wrong, saying what is wrong and what to do. */
final class Messages {

    private static final String CHECK_SERVER = "check that the server runs and the host and port are right";

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
        Optional<TlsRefusedException> refused = tlsRefusal(error);
        if (refused.isPresent()) {
            return "TLS refused the connection: " + refused.get().reason().label() + ": " + refused.get().detail();
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

    /**
     * As {@link #of(Throwable)}, except that a server that cannot be reached is named by the host and
     * port of {@code target}, as the URL gives them: the drivers name the address they were given,
     * already resolved ({@code 127.0.0.1/<unresolved>:1}, {@code /127.0.0.1:1}).
     */
    static String of(Throwable error, ServerTarget target) {
        if (target.sqlite().isPresent()) {
            return ofFile(error);
        }
        Optional<TlsRefusedException> refused = tlsRefusal(error);
        if (refused.isPresent()) {
            return "Cannot connect to " + address(target) + " over TLS: " + refused.get().reason().label() + ": " + refused.get().detail();
        }
        return unreachable(error)
                .map(cause -> "Cannot connect to " + address(target) + ": " + reason(cause) + " (" + CHECK_SERVER + ")")
                .orElseGet(() -> of(error));
    }

    /** A SQLite location's error: what the file system or SQLite said, and what to check. */
    private static String ofFile(Throwable error) {
        Throwable cause = error instanceof RetriedException retried ? retried.failure() : error;
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        ErrorClassification classification = ErrorClassifier.classify(error);
        if (classification.category() == ErrorCategory.NOT_FOUND) {
            return message + " (check the path)";
        }
        if (classification.category() == ErrorCategory.PERMISSION) {
            return message + " (check that the user may read the files)";
        }
        return message;
    }

    private static Optional<TlsRefusedException> tlsRefusal(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TlsRefusedException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    /** The innermost cause that says no connection could be opened at all, if there is one. */
    private static Optional<Throwable> unreachable(Throwable error) {
        Throwable found = null;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
                found = cause;
            }
        }
        return Optional.ofNullable(found);
    }

    /** What the socket said, without the native call and address that Netty puts around it. */
    private static String reason(Throwable unreachable) {
        if (unreachable instanceof UnknownHostException) {
            return "unknown host";
        }
        String message = unreachable.getMessage() == null ? "" : unreachable.getMessage()
                .replaceFirst("^.*?failed(?: with error\\(-?\\d+\\))?: ", "")
                .replaceFirst(":? /\\S*$", "")
                .strip();
        if (message.isEmpty()) {
            return unreachable.getClass().getSimpleName();
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    private static String address(ServerTarget target) {
        String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
        return host + ":" + target.port();
    }

    private static String advice(ErrorClassification classification) {
        if (classification.category() == ErrorCategory.PERMISSION && classification.connectionError()) {
            return "check the user name and password";
        }
        if (classification.category() == ErrorCategory.NOT_FOUND && classification.connectionError()) {
            return "check the database name";
        }
        if (classification.connectionError()) {
            return CHECK_SERVER;
        }
        return "";
    }
}
