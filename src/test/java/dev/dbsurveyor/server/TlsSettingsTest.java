package dev.dbsurveyor.server;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.testing.TestCertificates;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sslmode and its files, as libpq reads them: defaults, the require-with-a-root rule, key permissions, key forms. */
class TlsSettingsTest {

    private static final TestCertificates CERTIFICATES = TestCertificates.shared();

    @TempDir
    Path home;

    private TlsSettings tls(String url) {
        return tls(url, Map.of());
    }

    private TlsSettings tls(String url, Map<String, String> variables) {
        return ServerTarget.parse(url, new Environment(variables, home)).tls();
    }

    private Path defaults() throws Exception {
        return Files.createDirectories(home.resolve(".postgresql"));
    }

    @Test
    void preferIsTheDefaultAndChecksNothing() {
        TlsSettings tls = tls("postgresql://alice@db");

        assertThat(tls.mode()).isEqualTo(TlsMode.PREFER);
        assertThat(tls.verifiesCertificate()).isFalse();
        assertThat(tls.verifiesHostName()).isFalse();
        assertThat(tls.clientCertificate()).isEmpty();
    }

    @Test
    void requireChecksTheCaOnlyWhenARootCertificateIsGiven() throws Exception {
        assertThat(tls("postgresql://alice@db?sslmode=require").verifiesCertificate()).isFalse();
        assertThat(tls("mysql://alice@db?sslmode=require&sslrootcert=" + CERTIFICATES.trusted().certificateFile()).verifiesCertificate()).isTrue();

        Files.copy(CERTIFICATES.trusted().certificateFile(), defaults().resolve("root.crt"));

        TlsSettings withDefaultRoot = tls("postgresql://alice@db?sslmode=require");
        assertThat(withDefaultRoot.verifiesCertificate()).isTrue();
        assertThat(withDefaultRoot.rootSource()).contains(home.resolve(".postgresql/root.crt").toString());
        assertThat(withDefaultRoot.rootCertificates()).containsExactly(CERTIFICATES.trusted().certificate());
        // libpq's files are PostgreSQL's: a MySQL URL does not read them.
        assertThat(tls("mysql://alice@db?sslmode=require").verifiesCertificate()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify-ca", "verify-full"})
    void verifyingWithoutAnyRootCertificateIsAConfigurationError(String mode) {
        assertThatThrownBy(() -> tls("postgresql://alice@db?sslmode=" + mode))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("sslmode=" + mode + " checks the server's certificate against a root certificate, and none is given")
                .hasMessageContaining(home.resolve(".postgresql/root.crt").toString());
        assertThatThrownBy(() -> tls("mariadb://alice@db?sslmode=" + mode)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("set sslrootcert to the CA's certificate");
    }

    @Test
    void theSystemRootsGoWithVerifyFullOnly() {
        TlsSettings tls = tls("postgresql://alice@db?sslmode=verify-full&sslrootcert=system");
        assertThat(tls.usesSystemRoots()).isTrue();
        assertThat(tls.verifiesCertificate()).isTrue();

        assertThatThrownBy(() -> tls("postgresql://alice@db?sslmode=verify-ca&sslrootcert=system"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("sslrootcert=system needs sslmode=verify-full");
    }

    @Test
    void libpqsVariablesFillInWhatTheUrlLeavesOut() {
        TestCertificates.Issued client = CERTIFICATES.trusted().issue("alice", List.of());
        TlsSettings tls = tls("postgresql://alice@db", Map.of("PGSSLMODE", "verify-full",
                "PGSSLROOTCERT", CERTIFICATES.trusted().certificateFile().toString(),
                "PGSSLCERT", client.certificateFile().toString(), "PGSSLKEY", client.keyFile().toString()));

        assertThat(tls.mode()).isEqualTo(TlsMode.VERIFY_FULL);
        assertThat(tls.clientCertificate()).map(ClientCertificate::key).contains(client.key());
        assertThat(tls("postgresql://alice@db?sslmode=disable", Map.of("PGSSLMODE", "verify-full")).mode()).isEqualTo(TlsMode.DISABLE);
    }

    @Test
    void theDefaultClientCertificateNeedsItsKey() throws Exception {
        TestCertificates.Issued client = CERTIFICATES.trusted().issue("alice", List.of());
        Files.copy(client.certificateFile(), defaults().resolve("postgresql.crt"));

        assertThatThrownBy(() -> tls("postgresql://alice@db")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is given, but not its private key: sslkey " + home.resolve(".postgresql/postgresql.key") + " does not exist");

        Files.copy(client.keyFile(), defaults().resolve("postgresql.key"));
        Files.setPosixFilePermissions(defaults().resolve("postgresql.key"), PosixFilePermissions.fromString("rw-------"));
        assertThat(tls("postgresql://alice@db").clientCertificate()).map(ClientCertificate::key).contains(client.key());
        assertThat(tls("postgresql://alice@db?sslmode=disable").clientCertificate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw-r--r--", "rw-rw----", "rw----r--"})
    void aKeyFileOthersMayReadIsRefusedAsLibpqRefusesIt(String permissions) throws Exception {
        TestCertificates.Issued client = CERTIFICATES.trusted().issue("alice", List.of());
        Files.setPosixFilePermissions(client.keyFile(), PosixFilePermissions.fromString(permissions));
        String url = "postgresql://alice@db?sslcert=" + client.certificateFile() + "&sslkey=" + client.keyFile();

        assertThatThrownBy(() -> tls(url)).isInstanceOf(ConfigurationException.class)
                .hasMessage("sslkey " + client.keyFile() + " has group or world access; permissions should be u=rw (0600) or less if owned "
                        + "by the current user, or u=rw,g=r (0640) or less if owned by root (as libpq requires)");
    }

    @Test
    void keysAreReadInEveryFormLibpqReads() throws Exception {
        TestCertificates.Issued client = CERTIFICATES.trusted().issue("alice", List.of());
        Path traditional = client.writeTraditionalKey(client.keyFile().resolveSibling("rsa.pem"));
        Path der = client.writeDerKey(client.keyFile().resolveSibling("key.pk8"));
        assertThat(Files.readString(traditional)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(client.keyFile())).startsWith("-----BEGIN PRIVATE KEY-----");

        for (Path key : List.of(client.keyFile(), traditional, der)) {
            assertThat(TlsFiles.privateKey(key, "sslkey")).as(key.toString()).isEqualTo(client.key());
        }
    }

    @Test
    void anEcKeyInItsTraditionalFormIsRead() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        // As openssl writes it: SEC 1 with the named curve among its fields.
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS(),
                org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1).getEncoded();
        StringWriter text = new StringWriter();
        try (PemWriter pem = new PemWriter(text)) {
            pem.writeObject(new PemObject("EC PRIVATE KEY", sec1));
        }
        Path file = Files.writeString(home.resolve("ec.pem"), text.toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(text.toString()).startsWith("-----BEGIN EC PRIVATE KEY-----");

        java.security.interfaces.ECPrivateKey read = (java.security.interfaces.ECPrivateKey) TlsFiles.privateKey(file, "sslkey");
        java.security.interfaces.ECPrivateKey made = (java.security.interfaces.ECPrivateKey) keys.getPrivate();
        assertThat(read.getS()).isEqualTo(made.getS());
        assertThat(read.getParams().getOrder()).isEqualTo(made.getParams().getOrder());
    }

    @Test
    void anEncryptedKeyIsRefusedWithWhatToDo() throws Exception {
        Path file = Files.writeString(home.resolve("enc.pem"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> TlsFiles.privateKey(file, "sslkey")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is encrypted").hasMessageNotContaining("AAAA");
    }

    @Test
    void filesThatAreNotThereOrNotCertificatesAreNamed() throws Exception {
        Path missing = home.resolve("missing.crt");
        assertThatThrownBy(() -> tls("postgresql://alice@db?sslmode=verify-ca&sslrootcert=" + missing))
                .isInstanceOf(ConfigurationException.class).hasMessage("sslrootcert " + missing + " does not exist");
        Path notACertificate = Files.writeString(home.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> tls("postgresql://alice@db?sslmode=verify-ca&sslrootcert=" + notACertificate))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("is not a PEM or DER certificate file");
    }

    @Test
    void aPasswordFileOthersMayReadIsIgnoredWithAWarning() throws Exception {
        Path pgpass = Files.writeString(home.resolve(".pgpass"), "*:*:*:*:from-pgpass\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));

        ServerTarget target = ServerTarget.parse("postgresql://alice@db", new Environment(Map.of(), home));

        assertThat(target.passwordFor("postgres")).isEmpty();
        assertThat(target.warnings()).containsExactly("password file " + pgpass
                + " has group or world access; permissions should be u=rw (0600) or less: it is ignored");

        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        ServerTarget strict = ServerTarget.parse("postgresql://alice@db", new Environment(Map.of(), home));
        assertThat(strict.warnings()).isEmpty();
        assertThat(strict.passwordFor("postgres")).map(Secret::reveal).contains("from-pgpass");
    }
}
