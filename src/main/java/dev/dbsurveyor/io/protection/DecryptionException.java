package dev.dbsurveyor.io.protection;

/**
 * An encrypted file that the keys given cannot open: no passphrase or key was given, the
 * passphrase or key is wrong, or the file was changed since it was written (authenticated
 * encryption cannot tell those two apart). A usage error for the command line (exit 2).
 */
public final class DecryptionException extends ProtectedFileException {

    public DecryptionException(String message) {
        super(message);
    }

    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
