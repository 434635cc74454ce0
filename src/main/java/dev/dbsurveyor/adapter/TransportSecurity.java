package dev.dbsurveyor.adapter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** How a session reaches its server: in plaintext, or over TLS with a protocol, a cipher and the server's certificate. */
public sealed interface TransportSecurity {

    /** No encryption: every byte crosses the network as it is. */
    record Plaintext() implements TransportSecurity {
    }

    /**
     * TLS, with the protocol and cipher the server reports for the session, and the certificate
     * the server last showed dbsurveyor's connections (none when the connections are the caller's).
     */
    record Encrypted(String protocol, String cipher, List<Certificate> serverCertificate) implements TransportSecurity {

        public Encrypted {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(cipher, "cipher");
            serverCertificate = List.copyOf(serverCertificate);
        }
    }

    /** A server certificate: whom it is for, who signed it, and when it expires. */
    record Certificate(String subject, String issuer, Instant notAfter) {
    }
}
