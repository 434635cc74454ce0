package dev.dbsurveyor.io.protection;

import java.io.IOException;

/**
 * A protected file that cannot be opened: damaged, truncated, or in a form dbsurveyor does not
 * read. Its message says why in words a user can act on, and never holds a secret.
 */
public class ProtectedFileException extends IOException {

    public ProtectedFileException(String message) {
        super(message);
    }

    public ProtectedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
