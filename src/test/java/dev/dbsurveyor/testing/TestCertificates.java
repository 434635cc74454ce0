package dev.dbsurveyor.testing;

import dev.dbsurveyor.output.FileTrees;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A throw-away public key infrastructure for the TLS tests, made when a test run needs it and
 * deleted when the JVM exits: two CAs (the one the tests trust and a stranger), and certificates
 * they sign, each written as PEM with its private key beside it (mode 0600, as libpq wants). No
 * key is ever committed: every one is generated here.
 */
public final class TestCertificates {

    /** The names a server certificate for this machine's loopback carries. */
    public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1");
    /** A name no test connects by. */
    public static final String WRONG_NAME = "wrong-host.invalid";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static volatile TestCertificates shared;

    private final Path directory;
    private final Authority trusted;
    private final Authority stranger;

    private TestCertificates(Path directory) {
        this.directory = directory;
        this.trusted = new Authority("dbsurveyor test CA", directory.resolve("ca"));
        this.stranger = new Authority("stranger CA", directory.resolve("stranger-ca"));
    }

    /** The certificates of this test run, made on first use and deleted when the JVM exits. */
    public static synchronized TestCertificates shared() {
        if (shared == null) {
            try {
                Path directory = Files.createTempDirectory("dbsurveyor-tls-");
                shared = new TestCertificates(directory);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory), "test-certificates-delete"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** The CA the tests trust. */
    public Authority trusted() {
        return trusted;
    }

    /** A CA nobody trusts. */
    public Authority stranger() {
        return stranger;
    }

    /** A fresh directory under this run's, for a test's own files. */
    public Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(directory, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A certificate authority: its certificate as PEM, and what it has signed. */
    public static final class Authority {

        private final String name;
        private final Path directory;
        private final KeyPair keys;
        private final X509Certificate certificate;
        private final Path certificateFile;

        private Authority(String name, Path base) {
            this.name = name;
            this.directory = base.getParent();
            this.keys = rsaKeys();
            Instant now = Instant.now();
            this.certificate = sign(new X500Name("CN=" + name), keys, new X500Name("CN=" + name), keys.getPrivate(), now, true, List.of());
            this.certificateFile = writePem(base.resolveSibling(base.getFileName() + ".crt"), certificate, false);
        }

        /** The CA's certificate, a PEM file. */
        public Path certificateFile() {
            return certificateFile;
        }

        public X509Certificate certificate() {
            return certificate;
        }

        /** A server or client certificate for {@code commonName} and {@code subjectAltNames} (DNS names and IP addresses), valid for a year. */
        public Issued issue(String commonName, List<String> subjectAltNames) {
            return issue(commonName, subjectAltNames, Duration.ofDays(365));
        }

        public Issued issue(String commonName, List<String> subjectAltNames, Duration validity) {
            KeyPair leafKeys = rsaKeys();
            Instant now = Instant.now();
            X509Certificate leaf = sign(new X500Name("CN=" + commonName), leafKeys, new X500Name("CN=" + name), keys.getPrivate(),
                    now.plus(validity), false, subjectAltNames);
            Path base;
            try {
                base = Files.createTempDirectory(directory, commonName.replaceAll("[^A-Za-z0-9.-]", "_") + "-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path certificateFile = writePem(base.resolve("cert.pem"), leaf, false);
            Path keyFile = writeText(base.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                    + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(leafKeys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n", true);
            return new Issued(leaf, leafKeys.getPrivate(), certificateFile, keyFile);
        }
    }

    /** A certificate and its key, as files: the key in PKCS#8 PEM; {@link #writeKey} writes other forms. */
    public record Issued(X509Certificate certificate, PrivateKey key, Path certificateFile, Path keyFile) {

        /** The key in the traditional OpenSSL form ({@code BEGIN RSA PRIVATE KEY}, PKCS#1). */
        public Path writeTraditionalKey(Path file) {
            return writePem(file, key, true);
        }

        /** The key as DER-encoded PKCS#8 ({@code .pk8}, what PostgreSQL's JDBC driver reads). */
        public Path writeDerKey(Path file) {
            try {
                Files.write(file, key.getEncoded());
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                        Instant notAfter, boolean authority, List<String> subjectAltNames) {
        try {
            Instant notBefore = Instant.now().minus(1, ChronoUnit.HOURS);
            Instant end = authority ? notBefore.plus(3650, ChronoUnit.DAYS) : notAfter;
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(end), subject, subjectKeys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(Extension.keyUsage, true, authority
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (!subjectAltNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(subjectAltNames.stream()
                        .map(name -> name.matches("[0-9.]+|.*:.*")
                                ? new GeneralName(GeneralName.iPAddress, name)
                                : new GeneralName(GeneralName.dNSName, name))
                        .toArray(GeneralName[]::new)));
            }
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("Cannot make a test certificate for " + subject, e);
        }
    }

    /** A certificate, or a private key in the traditional OpenSSL form, as PEM. */
    private static Path writePem(Path file, Object object, boolean secret) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(object instanceof PrivateKey key ? new JcaMiscPEMGenerator(key) : object);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + file, e);
        }
        return writeText(file, text.toString(), secret);
    }

    private static Path writeText(Path file, String text, boolean secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            if (secret) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void delete(Path directory) {
        try {
            FileTrees.delete(directory);
        } catch (IOException e) {
            // Nothing left to clean, or the JVM is going: the temporary directory goes with the machine's.
        }
    }
}
