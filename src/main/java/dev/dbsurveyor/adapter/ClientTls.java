package dev.dbsurveyor.adapter;

import dev.dbsurveyor.retry.TlsRefusedException;
import dev.dbsurveyor.retry.TlsRefusedException.Reason;
import dev.dbsurveyor.server.ClientCertificate;
import dev.dbsurveyor.server.TlsMode;
import dev.dbsurveyor.server.TlsSettings;
import io.netty.handler.ssl.SslContextBuilder;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import reactor.core.publisher.Mono;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLS for one server's connections, the same for every engine: it configures the driver's TLS
 * context so that {@link ServerCertificateTrust} alone judges the server's certificate (the
 * drivers' own checks differ from libpq's: r2dbc-postgresql, on Netty 4.2, checks the host name
 * even under {@code verify-ca}, and both look host names up on the event loop), shows the client
 * certificate, and turns the drivers' errors of a refused TLS connection into
 * {@link TlsRefusedException}s that say why. It remembers the last server certificate it was shown.
 */
public final class ClientTls {

    /** TLS alerts a server sends when it does not take the client's certificate, or wants one. */
    private static final Set<String> CLIENT_CERTIFICATE_ALERTS = Set.of("bad_certificate", "unknown_ca", "certificate_required",
            "certificate_unknown", "certificate_expired", "certificate_revoked", "unsupported_certificate", "access_denied",
            "decrypt_error");
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    private final TlsSettings settings;
    private final ServerCertificateTrust trust;
    /** Made once: Netty would otherwise build a key store per connection, drawing on SecureRandom on the event loop. */
    private final KeyManagerFactory keyManagers;
    private final AtomicReference<ServerCertificateTrust.SeenHandshake> lastHandshake = new AtomicReference<>();

    /** Made on a thread that may block: it builds the key store of the client certificate. */
    public ClientTls(TlsSettings settings) {
        this.settings = settings;
        this.trust = new ServerCertificateTrust(settings, lastHandshake::set);
        this.keyManagers = settings.clientCertificate().map(ClientTls::keyManagers).orElse(null);
    }

    private static KeyManagerFactory keyManagers(ClientCertificate client) {
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", client.key(), password, client.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot hold the " + client + " in a key store", e);
        }
    }

    /**
     * The driver's TLS context as these settings want it: this class's trust, no endpoint
     * identification of Netty's own (the JDK leaves it to a trust manager like this one, but
     * Netty's OpenSSL engine, when netty-tcnative is on the class path, would check the host name
     * natively, even under {@code verify-ca}), and the client certificate or none (not even one a
     * driver found in a default place of its own). Called by the drivers for every TLS connection,
     * on the event loop: it only hands over what the constructor made.
     */
    public SslContextBuilder configure(SslContextBuilder builder) {
        return builder.trustManager(trust).endpointIdentificationAlgorithm(null).keyManager(keyManagers);
    }

    /**
     * TLS parameters that name the server as the URL does (SNI), when the URL names it by a DNS
     * name: connections are made to an address looked up beforehand, and a server or proxy that
     * routes by name would not know whom they are for.
     */
    public SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        if (!CertificateNames.isIpLiteral(settings.host())) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(settings.host())));
            } catch (IllegalArgumentException notAHostName) {
                // A name SNI cannot carry (an underscore, say): the server is not told it, as libpq.
            }
        }
        return parameters;
    }

    /** The last certificate a server showed these connections, with the handshake's protocol and cipher. */
    public Optional<TransportSecurity.Certificate> lastServerCertificate() {
        return Optional.ofNullable(lastHandshake.get())
                .map(seen -> new TransportSecurity.Certificate(seen.certificate().getSubjectX500Principal().getName(),
                        seen.certificate().getIssuerX500Principal().getName(), seen.certificate().getNotAfter().toInstant()));
    }

    /**
     * {@code factory} with its errors of a refused TLS connection explained.
     *
     * @param noTlsOffered            recognises the driver's error for a server that answered a TLS request with no
     * @param clientCertificateRefusal the server's words when its refusal (after TLS) is about the client certificate
     */
    public ConnectionFactory explainingRefusals(ConnectionFactory factory, Predicate<Throwable> noTlsOffered,
                                                Function<Throwable, Optional<String>> clientCertificateRefusal) {
        return new ConnectionFactory() {
            @Override
            public Mono<Connection> create() {
                return Mono.<Connection>from(factory.create()).onErrorMap(error -> explain(error, noTlsOffered, clientCertificateRefusal));
            }

            @Override
            public ConnectionFactoryMetadata getMetadata() {
                return factory.getMetadata();
            }
        };
    }

    Throwable explain(Throwable error, Predicate<Throwable> noTlsOffered, Function<Throwable, Optional<String>> clientCertificateRefusal) {
        if (settings.mode() == TlsMode.DISABLE) {
            return error;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServerCertificateTrust.CertificateRefusedException refused) {
                return new TlsRefusedException(refused.reason(), refused.getMessage(), error);
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            Matcher alert = cause instanceof SSLException && cause.getMessage() != null ? ALERT.matcher(cause.getMessage()) : null;
            if (alert != null && alert.find() && CLIENT_CERTIFICATE_ALERTS.contains(alert.group(1))) {
                return new TlsRefusedException(Reason.CLIENT_CERTIFICATE_REFUSED, clientCertificateAdvice("TLS alert " + alert.group(1)), error);
            }
        }
        if (settings.mode().requiresTls() && noTlsOffered.test(error)) {
            return new TlsRefusedException(Reason.NO_TLS_OFFERED, "the server offers no TLS, and sslmode=" + settings.mode()
                    + " connects over TLS only", error);
        }
        return clientCertificateRefusal.apply(error)
                .<Throwable>map(words -> new TlsRefusedException(Reason.CLIENT_CERTIFICATE_REFUSED, clientCertificateAdvice(words), error))
                .orElse(error);
    }

    private String clientCertificateAdvice(String serverSaid) {
        return settings.clientCertificate()
                .map(client -> "the server did not accept the " + client + ": " + serverSaid)
                .orElse("the server wants a client certificate and none is given (set sslcert and sslkey): " + serverSaid);
    }
}
