package dev.dbsurveyor.adapter;

import dev.dbsurveyor.retry.TlsRefusedException.Reason;
import dev.dbsurveyor.server.TlsSettings;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one judge of a server's certificate, whatever the driver: it checks the chain against the
 * roots of {@link TlsSettings} when the mode asks for it, the host name under
 * {@code verify-full} (libpq's rules, against the host as the URL names it), and nothing in the
 * other modes. Each certificate it is shown is reported first, so that what a session saw can
 * be told later. A refusal is a {@link CertificateRefusedException} saying why.
 */
final class ServerCertificateTrust extends X509ExtendedTrustManager {

    private final TlsSettings settings;
    private final X509TrustManager roots;
    private final Consumer<SeenHandshake> seen;

    ServerCertificateTrust(TlsSettings settings, Consumer<SeenHandshake> seen) {
        this.settings = settings;
        this.roots = settings.verifiesCertificate() ? rootsOf(settings) : null;
        this.seen = seen;
    }

    /** What one handshake showed: the session's protocol and cipher, and the server's own certificate. */
    record SeenHandshake(String protocol, String cipher, X509Certificate certificate) {
    }

    private static X509TrustManager rootsOf(TlsSettings settings) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (settings.usesSystemRoots()) {
                factory.init((KeyStore) null);
            } else {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                List<X509Certificate> certificates = settings.rootCertificates();
                for (int i = 0; i < certificates.size(); i++) {
                    store.setCertificateEntry("root-" + i, certificates.get(i));
                }
                factory.init(store);
            }
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("The JDK has no X.509 trust manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build a trust store of the root certificates", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        report(chain, engine == null ? null : engine.getHandshakeSession());
        check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        report(chain, null);
        check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        report(chain, null);
        check(chain, authType);
    }

    private void report(X509Certificate[] chain, SSLSession handshake) {
        if (chain != null && chain.length > 0) {
            seen.accept(new SeenHandshake(handshake == null ? null : handshake.getProtocol(),
                    handshake == null ? null : handshake.getCipherSuite(), chain[0]));
        }
    }

    private void check(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateRefusedException(Reason.UNKNOWN_CA, "the server showed no certificate", null);
        }
        X509Certificate server = chain[0];
        if (roots != null) {
            try {
                roots.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw refusal(server, e);
            }
        }
        if (settings.verifiesHostName() && !CertificateNames.matches(server, settings.host())) {
            throw new CertificateRefusedException(Reason.HOST_NAME_MISMATCH, "the server's certificate is for "
                    + String.join(", ", CertificateNames.names(server)) + ", not for " + settings.host()
                    + " (sslmode=verify-full checks the host name; verify-ca does not)", null);
        }
    }

    private CertificateRefusedException refusal(X509Certificate server, CertificateException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return new CertificateRefusedException(Reason.CERTIFICATE_NOT_VALID_NOW, "the server's certificate ("
                        + server.getSubjectX500Principal().getName() + ") is valid from " + server.getNotBefore().toInstant()
                        + " to " + server.getNotAfter().toInstant() + ", not now", error);
            }
        }
        return new CertificateRefusedException(Reason.UNKNOWN_CA, "the server's certificate (" + server.getSubjectX500Principal().getName()
                + ", issued by " + server.getIssuerX500Principal().getName() + ") is not signed by a CA of sslrootcert "
                + settings.rootSource().orElse("") + " (sslmode=" + settings.mode() + ")", error);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("A client does not judge client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("A client does not judge client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("A client does not judge client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return roots == null ? new X509Certificate[0] : roots.getAcceptedIssuers();
    }

    /** A certificate refused, and why; what the driver's handshake error carries as its cause. */
    static final class CertificateRefusedException extends CertificateException {

        private final Reason reason;

        CertificateRefusedException(Reason reason, String detail, Throwable cause) {
            super(detail, cause);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }
}
