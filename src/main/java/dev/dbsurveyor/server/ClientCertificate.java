package dev.dbsurveyor.server;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The certificate a connection shows the server when asked ({@code sslcert}, {@code sslkey}): its
 * chain, the client's own first, and its private key. {@link #toString()} names the file, never the key.
 */
public record ClientCertificate(List<X509Certificate> chain, PrivateKey key, Path certificateFile) {

    public ClientCertificate {
        chain = List.copyOf(chain);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificateFile, "certificateFile");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A client certificate needs at least one certificate");
        }
    }

    @Override
    public String toString() {
        return "client certificate " + certificateFile + " (" + chain.get(0).getSubjectX500Principal().getName() + ")";
    }
}
