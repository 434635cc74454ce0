package dev.dbsurveyor.server;

import dev.dbsurveyor.config.ConfigurationException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * libpq's {@code sslmode}, the same for every engine: whether a connection uses TLS, and what it
 * checks of the server's certificate. {@code prefer} is the default.
 */
public enum TlsMode {
    /** Plaintext only. */
    DISABLE("disable"),
    /** Plaintext first; TLS only if the server refuses plaintext (PostgreSQL; MySQL has no such retry, so plaintext there). */
    ALLOW("allow"),
    /** TLS when the server offers it, plaintext otherwise; the certificate is not checked. */
    PREFER("prefer"),
    /** TLS or no connection; the certificate is checked against {@code sslrootcert} only when one is given (libpq's rule). */
    REQUIRE("require"),
    /** TLS with a certificate that a CA of {@code sslrootcert} signed; any host name. */
    VERIFY_CA("verify-ca"),
    /** TLS with a certificate that a CA of {@code sslrootcert} signed for the host the URL names. */
    VERIFY_FULL("verify-full");

    private final String value;

    TlsMode(String value) {
        this.value = value;
    }

    /** The mode an {@code sslmode} value names. */
    public static TlsMode of(String sslmode) {
        for (TlsMode mode : values()) {
            if (mode.value.equals(sslmode)) {
                return mode;
            }
        }
        throw new ConfigurationException("sslmode must be one of "
                + Arrays.stream(values()).map(TlsMode::value).collect(Collectors.joining(", ")) + ", not '" + sslmode + "'");
    }

    /** As written in a URL: {@code verify-full}. */
    public String value() {
        return value;
    }

    /** Whether a connection without TLS is refused. */
    public boolean requiresTls() {
        return this == REQUIRE || this == VERIFY_CA || this == VERIFY_FULL;
    }

    /** Whether this mode needs a root certificate to check the server's against. */
    public boolean verifiesAlways() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    @Override
    public String toString() {
        return value;
    }
}
