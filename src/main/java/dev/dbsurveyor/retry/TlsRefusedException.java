package dev.dbsurveyor.retry;

import io.r2dbc.spi.R2dbcPermissionDeniedException;

/**
 * A connection that TLS refused: the server offers no TLS and {@code sslmode} requires it, its
 * certificate is not signed by a trusted CA, is not valid today or is not for the host, or it refused the client's
 * certificate. A matter of configuration that waiting does not change, so it is never retried.
 * The message says which and what to check; it never holds a secret.
 */
public final class TlsRefusedException extends R2dbcPermissionDeniedException {

    /** Why TLS refused the connection. */
    public enum Reason {
        NO_TLS_OFFERED("no TLS offered"),
        UNKNOWN_CA("unknown CA"),
        CERTIFICATE_NOT_VALID_NOW("certificate expired or not yet valid"),
        HOST_NAME_MISMATCH("host name mismatch"),
        CLIENT_CERTIFICATE_REFUSED("client certificate refused");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** A few words for the reason, as a message names it: {@code unknown CA}. */
        public String label() {
            return label;
        }
    }

    private final Reason reason;
    private final String detail;

    public TlsRefusedException(Reason reason, String detail, Throwable cause) {
        super("TLS refused the connection (" + reason.label() + "): " + detail, cause);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** What was refused and what to check, without the reason's label. */
    public String detail() {
        return detail;
    }
}
