package dev.dbsurveyor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Private embedded PostgreSQL servers with TLS on ({@code ssl = on}, certificates of
 * {@link TestCertificates}), started once per test JVM on first use and stopped, their data
 * deleted, when it exits. Each has roles for the TLS tests, with {@code pg_hba.conf} lines of
 * their own: {@link #USER} may connect with or without TLS, {@link #TLS_ONLY_USER} only over TLS
 * ({@code hostssl} alone), {@link #CERTIFICATE_USER} only with a client certificate the test CA
 * signed for that name ({@code clientcert=verify-full}), {@link #PASSWORD_USER} with its password
 * in cleartext ({@code password} authentication), with TLS or without; {@code postgres} is the tests'
 * administrator, in plaintext.
 */
public final class TlsPostgresServers {

    /** A role that may connect with TLS or without. */
    public static final String USER = "surveyor";
    /** A role that {@code pg_hba.conf} lets in over TLS only. */
    public static final String TLS_ONLY_USER = "surveyor_tls";
    /** A role that must show a client certificate for its name. */
    public static final String CERTIFICATE_USER = "surveyor_cert";
    /** A role that logs in with {@link #PASSWORD}, sent as it is ({@code password} authentication): a capture sees it unless TLS hides it. */
    public static final String PASSWORD_USER = "surveyor_pw";
    /** The password of {@link #PASSWORD_USER}, new in every test run. */
    public static final String PASSWORD = "canary-password-" + Long.toHexString(new java.security.SecureRandom().nextLong());

    /** What certificate a server shows. */
    public enum Certificate {
        /** Signed by the trusted test CA for {@code localhost} and {@code 127.0.0.1}. */
        RIGHT_NAME,
        /** Signed by the trusted test CA for a name nobody connects by. */
        WRONG_NAME
    }

    private static final Map<Certificate, EmbeddedPostgresServer> SHARED = new ConcurrentHashMap<>();

    private TlsPostgresServers() {
    }

    /** The shared TLS server showing {@code certificate}, started on first use. */
    public static EmbeddedPostgresServer shared(Certificate certificate) {
        return SHARED.computeIfAbsent(certificate, TlsPostgresServers::start);
    }

    /** The administrator's endpoint of a TLS server (plaintext, as the harness's set-up connections are). */
    public static ServerEndpoint endpoint(Certificate certificate) {
        return shared(certificate).endpoint();
    }

    private static EmbeddedPostgresServer start(Certificate certificate) {
        TestCertificates certificates = TestCertificates.shared();
        TestCertificates.Issued serverCertificate = certificate == Certificate.RIGHT_NAME
                ? certificates.trusted().issue("localhost", TestCertificates.LOOPBACK_NAMES)
                : certificates.trusted().issue(TestCertificates.WRONG_NAME, List.of(TestCertificates.WRONG_NAME));
        Path hba = certificates.newDirectory("pg-hba-").resolve("pg_hba.conf");
        try {
            Files.writeString(hba, String.join("\n",
                    "local   all  all                          trust",
                    "host    all  postgres          127.0.0.1/32  trust",
                    "host    all  " + USER + "         127.0.0.1/32  trust",
                    "hostssl all  " + TLS_ONLY_USER + "     127.0.0.1/32  trust",
                    "hostssl all  " + CERTIFICATE_USER + "    127.0.0.1/32  trust clientcert=verify-full",
                    "host    all  " + PASSWORD_USER + "      127.0.0.1/32  password",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> versions = EmbeddedPostgresServer.availableVersions();
        if (versions.isEmpty()) {
            throw new IllegalStateException("No embedded PostgreSQL binaries: run the TLS tests through Maven (failsafe)");
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(versions.get(versions.size() - 1), Map.of(
                "ssl", "on",
                "ssl_cert_file", serverCertificate.certificateFile().toString(),
                "ssl_key_file", serverCertificate.keyFile().toString(),
                "ssl_ca_file", certificates.trusted().certificateFile().toString(),
                "hba_file", hba.toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tls-postgres-" + certificate + "-stop"));
        try (TestServer admin = new TestServer(server.endpoint())) {
            admin.execute(null,
                    "CREATE ROLE " + USER + " LOGIN",
                    "CREATE ROLE " + TLS_ONLY_USER + " LOGIN",
                    "CREATE ROLE " + CERTIFICATE_USER + " LOGIN",
                    "CREATE ROLE " + PASSWORD_USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
        return server;
    }
}
