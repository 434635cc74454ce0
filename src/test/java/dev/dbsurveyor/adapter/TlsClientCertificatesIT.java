package dev.dbsurveyor.adapter;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.retry.ErrorClassifier;
import dev.dbsurveyor.retry.TlsRefusedException;
import dev.dbsurveyor.retry.TlsRefusedException.Reason;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.Engine;
import dev.dbsurveyor.testing.TestCertificates;
import dev.dbsurveyor.testing.TlsPostgresServers;
import dev.dbsurveyor.testing.TlsPostgresServers.Certificate;
import dev.dbsurveyor.testing.TlsServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Client certificates and servers that insist on TLS: a PostgreSQL role that {@code pg_hba.conf}
 * lets in with {@code clientcert=verify-full} or over {@code hostssl} alone, a MariaDB user created
 * {@code REQUIRE X509} or {@code REQUIRE SSL}; keys as PKCS#8 PEM, traditional PEM and DER; and
 * libpq's default files in {@code ~/.postgresql}.
 */
class TlsClientCertificatesIT {

    @TempDir
    Path home;

    private static final TestCertificates CERTIFICATES = TestCertificates.shared();

    private Environment environment() {
        return new Environment(Map.of(), home);
    }

    private static String url(Engine engine, String user, String query) {
        int port = TlsServers.withTls(engine, Certificate.RIGHT_NAME).port();
        return (engine == Engine.POSTGRES ? "postgresql" : "mysql") + "://" + user + "@localhost:" + port + "?" + query;
    }

    private static String verifyFull() {
        return "sslmode=verify-full&sslrootcert=" + CERTIFICATES.trusted().certificateFile();
    }

    private static String withCertificate(TestCertificates.Issued issued, Path key) {
        return verifyFull() + "&sslcert=" + issued.certificateFile() + "&sslkey=" + key;
    }

    private TransportSecurity connect(String url) {
        DatabaseAdapter adapter = DatabaseAdapters.create(ServerTarget.parse(url, environment()), ConnectionConfig.defaults());
        try {
            TransportSecurity transport = adapter.transportSecurity().block(Duration.ofSeconds(60));
            assertThat(adapter.enumerate().collectList().block(Duration.ofSeconds(60))).isNotEmpty();
            return transport;
        } finally {
            adapter.close().block(Duration.ofSeconds(30));
        }
    }

    private Throwable refusal(String url) {
        DatabaseAdapter adapter = DatabaseAdapters.create(ServerTarget.parse(url, environment()), ConnectionConfig.defaults());
        try {
            return catchThrowable(() -> adapter.transportSecurity().block(Duration.ofSeconds(60)));
        } finally {
            adapter.close().block(Duration.ofSeconds(30));
        }
    }

    private static void assertRefusedFor(Throwable error, Reason reason) {
        assertThat(error).as(() -> causes(error)).isInstanceOf(TlsRefusedException.class);
        assertThat(((TlsRefusedException) error).reason()).as(error.getMessage()).isEqualTo(reason);
        assertThat(ErrorClassifier.classify(error).transientError()).isFalse();
        assertThat(ErrorClassifier.classify(error).category()).isEqualTo(ErrorCategory.PERMISSION);
    }

    private static String causes(Throwable error) {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            chain.append(" <- ").append(cause);
        }
        return chain.toString();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCertificateTheServerTrustsLetsTheUserIn(Engine engine) {
        TestCertificates.Issued client = CERTIFICATES.trusted().issue(TlsPostgresServers.CERTIFICATE_USER, List.of());

        TransportSecurity transport = connect(url(engine, TlsPostgresServers.CERTIFICATE_USER, withCertificate(client, client.keyFile())));

        assertThat(transport).isInstanceOf(TransportSecurity.Encrypted.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keysAreReadInTraditionalPemAndInDerPkcs8Too(Engine engine) {
        TestCertificates.Issued client = CERTIFICATES.trusted().issue(TlsPostgresServers.CERTIFICATE_USER, List.of());
        Path traditional = client.writeTraditionalKey(client.keyFile().resolveSibling("key-rsa.pem"));
        Path der = client.writeDerKey(client.keyFile().resolveSibling("key.pk8"));

        assertThat(connect(url(engine, TlsPostgresServers.CERTIFICATE_USER, withCertificate(client, traditional))))
                .isInstanceOf(TransportSecurity.Encrypted.class);
        assertThat(connect(url(engine, TlsPostgresServers.CERTIFICATE_USER, withCertificate(client, der))))
                .isInstanceOf(TransportSecurity.Encrypted.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCertificateOfAStrangerCaIsRefusedAsTheClientCertificate(Engine engine) {
        TestCertificates.Issued stranger = CERTIFICATES.stranger().issue(TlsPostgresServers.CERTIFICATE_USER, List.of());

        Throwable error = refusal(url(engine, TlsPostgresServers.CERTIFICATE_USER, withCertificate(stranger, stranger.keyFile())));

        assertRefusedFor(error, Reason.CLIENT_CERTIFICATE_REFUSED);
        assertThat(error.getMessage()).contains(stranger.certificateFile().toString());
    }

    @Test
    void withoutACertificateThePostgresRoleIsRefusedForItsCertificate() {
        Throwable error = refusal(url(Engine.POSTGRES, TlsPostgresServers.CERTIFICATE_USER, verifyFull()));

        assertRefusedFor(error, Reason.CLIENT_CERTIFICATE_REFUSED);
        assertThat(error.getMessage()).contains("none is given (set sslcert and sslkey)");
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefused() {
        TestCertificates.Issued other = CERTIFICATES.trusted().issue("somebody_else", List.of());

        Throwable error = refusal(url(Engine.POSTGRES, TlsPostgresServers.CERTIFICATE_USER, withCertificate(other, other.keyFile())));

        assertRefusedFor(error, Reason.CLIENT_CERTIFICATE_REFUSED);
    }

    @Test
    void withoutACertificateTheMariaDbX509UserIsDeniedAsAnAuthenticationError() {
        Throwable error = refusal(url(Engine.MYSQL, TlsPostgresServers.CERTIFICATE_USER, verifyFull()));

        assertThat(ErrorClassifier.classify(error).category()).isEqualTo(ErrorCategory.PERMISSION);
        assertThat(ErrorClassifier.classify(error).transientError()).isFalse();
        assertThat(error.getMessage()).contains("Access denied");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aUserAllowedOverTlsOnlyConnectsWithTlsAndIsRefusedWithout(Engine engine) {
        assertThat(connect(url(engine, TlsPostgresServers.TLS_ONLY_USER, "sslmode=prefer"))).isInstanceOf(TransportSecurity.Encrypted.class);

        Throwable error = refusal(url(engine, TlsPostgresServers.TLS_ONLY_USER, "sslmode=disable"));

        assertThat(ErrorClassifier.classify(error).category()).isEqualTo(ErrorCategory.PERMISSION);
        assertThat(ErrorClassifier.classify(error).transientError()).isFalse();
    }

    @Test
    void libpqsDefaultFilesInTheHomeDirectoryAreUsed() throws IOException {
        TestCertificates.Issued client = CERTIFICATES.trusted().issue(TlsPostgresServers.CERTIFICATE_USER, List.of());
        Path defaults = Files.createDirectories(home.resolve(".postgresql"));
        Files.copy(CERTIFICATES.trusted().certificateFile(), defaults.resolve("root.crt"));
        Files.copy(client.certificateFile(), defaults.resolve("postgresql.crt"));
        Files.copy(client.keyFile(), defaults.resolve("postgresql.key"));
        Files.setPosixFilePermissions(defaults.resolve("postgresql.key"), PosixFilePermissions.fromString("rw-------"));

        assertThat(connect(url(Engine.POSTGRES, TlsPostgresServers.CERTIFICATE_USER, "sslmode=verify-full")))
                .isInstanceOf(TransportSecurity.Encrypted.class);
    }

    @Test
    void aDefaultRootCertificateMakesRequireCheckTheCa() throws IOException {
        Path defaults = Files.createDirectories(home.resolve(".postgresql"));
        Files.copy(CERTIFICATES.stranger().certificateFile(), defaults.resolve("root.crt"));

        assertRefusedFor(refusal(url(Engine.POSTGRES, TlsPostgresServers.USER, "sslmode=require")), Reason.UNKNOWN_CA);
        assertThat(connect(url(Engine.POSTGRES, TlsPostgresServers.USER, "sslmode=prefer"))).isInstanceOf(TransportSecurity.Encrypted.class);
    }
}
