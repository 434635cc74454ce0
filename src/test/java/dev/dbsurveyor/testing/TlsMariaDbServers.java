package dev.dbsurveyor.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Private MariaDB servers with TLS on ({@code ssl_cert}, {@code ssl_key}, {@code ssl_ca} from
 * {@link TestCertificates}), started once per test JVM on first use and stopped, their data
 * deleted, when it exits. Each has the TLS tests' users, allowed to read every catalog:
 * {@link TlsPostgresServers#USER} with or without TLS, {@link TlsPostgresServers#TLS_ONLY_USER}
 * created {@code REQUIRE SSL}, {@link TlsPostgresServers#CERTIFICATE_USER} created
 * {@code REQUIRE X509}, without passwords, and {@link TlsPostgresServers#PASSWORD_USER} with
 * {@link TlsPostgresServers#PASSWORD}.
 */
public final class TlsMariaDbServers {

    private static final Map<TlsPostgresServers.Certificate, MariaDbServer> SHARED = new ConcurrentHashMap<>();

    private TlsMariaDbServers() {
    }

    /** The shared TLS server showing {@code certificate}, started on first use. */
    public static MariaDbServer shared(TlsPostgresServers.Certificate certificate) {
        return SHARED.computeIfAbsent(certificate, TlsMariaDbServers::start);
    }

    private static MariaDbServer start(TlsPostgresServers.Certificate certificate) {
        TestCertificates certificates = TestCertificates.shared();
        TestCertificates.Issued serverCertificate = certificate == TlsPostgresServers.Certificate.RIGHT_NAME
                ? certificates.trusted().issue("localhost", TestCertificates.LOOPBACK_NAMES)
                : certificates.trusted().issue(TestCertificates.WRONG_NAME, List.of(TestCertificates.WRONG_NAME));
        MariaDbServer server = MariaDbServer.start(Map.of(
                "ssl-cert", serverCertificate.certificateFile().toString(),
                "ssl-key", serverCertificate.keyFile().toString(),
                "ssl-ca", certificates.trusted().certificateFile().toString()));
        String grants = "GRANT SELECT, SHOW VIEW, PROCESS ON *.* TO ";
        server.execute(
                "CREATE USER '" + TlsPostgresServers.USER + "'@'%'",
                "CREATE USER '" + TlsPostgresServers.TLS_ONLY_USER + "'@'%' REQUIRE SSL",
                "CREATE USER '" + TlsPostgresServers.CERTIFICATE_USER + "'@'%' REQUIRE X509",
                "CREATE USER '" + TlsPostgresServers.PASSWORD_USER + "'@'%' IDENTIFIED BY '" + TlsPostgresServers.PASSWORD + "'",
                grants + "'" + TlsPostgresServers.PASSWORD_USER + "'@'%'",
                grants + "'" + TlsPostgresServers.USER + "'@'%'",
                grants + "'" + TlsPostgresServers.TLS_ONLY_USER + "'@'%'",
                grants + "'" + TlsPostgresServers.CERTIFICATE_USER + "'@'%'");
        return server;
    }
}
