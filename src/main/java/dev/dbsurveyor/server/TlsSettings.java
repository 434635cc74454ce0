package dev.dbsurveyor.server;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.Environment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How connections to a server use TLS, as libpq decides it, for every engine: the mode
 * ({@code sslmode}, default {@code prefer}), the root certificates the server's certificate must
 * chain to ({@code sslrootcert}; {@code system} for the JDK's CAs), the client certificate
 * ({@code sslcert}, {@code sslkey}) and the host name a {@code verify-full} certificate must carry.
 * For PostgreSQL, as libpq, {@code PGSSLMODE}, {@code PGSSLROOTCERT}, {@code PGSSLCERT},
 * {@code PGSSLKEY} and the files {@code ~/.postgresql/root.crt}, {@code postgresql.crt} and
 * {@code postgresql.key} fill in what the URL leaves out. Files are read once, when the settings
 * are made; a key file that group or others may read is refused.
 */
public final class TlsSettings {

    /** {@code sslrootcert=system}: the JDK's trusted CAs. */
    public static final String SYSTEM_ROOTS = "system";

    private final TlsMode mode;
    private final String host;
    private final List<X509Certificate> rootCertificates;
    private final String rootSource;
    private final ClientCertificate clientCertificate;

    private TlsSettings(TlsMode mode, String host, List<X509Certificate> rootCertificates, String rootSource,
                        ClientCertificate clientCertificate) {
        this.mode = mode;
        this.host = host;
        this.rootCertificates = List.copyOf(rootCertificates);
        this.rootSource = rootSource;
        this.clientCertificate = clientCertificate;
    }

    /** Settings of plaintext connections. */
    public static TlsSettings disabled(String host) {
        return new TlsSettings(TlsMode.DISABLE, host, List.of(), null, null);
    }

    /**
     * Settings from a URL's options and, for PostgreSQL, libpq's variables and default files.
     *
     * @throws ConfigurationException when a file cannot be used, naming the option and file
     */
    static TlsSettings of(EngineFamily engine, String host, Map<String, String> options, Environment environment) {
        boolean libpq = engine == EngineFamily.POSTGRESQL;
        TlsMode mode = TlsMode.of(setting("sslmode", "PGSSLMODE", options, environment, libpq).orElse(TlsMode.PREFER.value()));
        if (mode == TlsMode.DISABLE) {
            return disabled(host);
        }
        Path defaults = environment.home().resolve(".postgresql");

        List<X509Certificate> roots = List.of();
        String rootSource = null;
        Optional<String> rootSetting = setting("sslrootcert", "PGSSLROOTCERT", options, environment, libpq);
        if (rootSetting.filter(SYSTEM_ROOTS::equals).isPresent()) {
            if (mode != TlsMode.VERIFY_FULL) {
                throw new ConfigurationException("sslrootcert=system needs sslmode=verify-full, as libpq: the system's CAs sign "
                        + "certificates for any host, so only the host name tells the server apart (sslmode is " + mode + ")");
            }
            rootSource = SYSTEM_ROOTS;
        } else if (mode != TlsMode.PREFER && mode != TlsMode.ALLOW) {
            Optional<Path> rootFile = rootSetting.map(Path::of).or(() -> libpq
                    ? Optional.of(defaults.resolve("root.crt")).filter(Files::isRegularFile)
                    : Optional.empty());
            if (rootFile.isPresent()) {
                roots = TlsFiles.certificates(rootFile.get(), "sslrootcert");
                rootSource = rootFile.get().toString();
            } else if (mode.verifiesAlways()) {
                throw new ConfigurationException("sslmode=" + mode + " checks the server's certificate against a root certificate, and none is given: "
                        + (libpq ? "set sslrootcert, put the CA's certificate in " + defaults.resolve("root.crt") + ", "
                        : "set sslrootcert to the CA's certificate, ")
                        + "use sslrootcert=system for the system's CAs (with verify-full), or choose sslmode=require");
            }
        }

        ClientCertificate client = null;
        Optional<Path> certificateFile = setting("sslcert", "PGSSLCERT", options, environment, libpq).map(Path::of)
                .or(() -> libpq ? Optional.of(defaults.resolve("postgresql.crt")).filter(Files::isRegularFile) : Optional.empty());
        if (certificateFile.isPresent()) {
            Path keyFile = setting("sslkey", "PGSSLKEY", options, environment, libpq).map(Path::of)
                    .orElse(libpq ? defaults.resolve("postgresql.key") : null);
            if (keyFile == null) {
                throw new ConfigurationException("sslcert " + certificateFile.get() + " is given without sslkey, the file of its private key");
            }
            if (!Files.exists(keyFile)) {
                throw new ConfigurationException("sslcert " + certificateFile.get() + " is given, but not its private key: sslkey "
                        + keyFile + " does not exist");
            }
            client = new ClientCertificate(TlsFiles.certificates(certificateFile.get(), "sslcert"),
                    TlsFiles.privateKey(keyFile, "sslkey"), certificateFile.get());
        }
        return new TlsSettings(mode, host, roots, rootSource, client);
    }

    private static Optional<String> setting(String option, String variable, Map<String, String> options, Environment environment,
                                            boolean libpq) {
        return Optional.ofNullable(options.get(option)).filter(value -> !value.isEmpty())
                .or(() -> libpq ? environment.get(variable) : Optional.empty());
    }

    public TlsMode mode() {
        return mode;
    }

    /** The host name as the URL gives it: what {@code verify-full} matches the certificate against. */
    public String host() {
        return host;
    }

    /**
     * Whether the server's certificate must chain to a trusted root: always for {@code verify-ca}
     * and {@code verify-full}, and for {@code require} when a root certificate is given (libpq's
     * rule, kept for compatibility with its older versions).
     */
    public boolean verifiesCertificate() {
        return mode.verifiesAlways() || mode == TlsMode.REQUIRE && rootSource != null;
    }

    /** Whether the certificate must name the host ({@code verify-full}). */
    public boolean verifiesHostName() {
        return mode == TlsMode.VERIFY_FULL;
    }

    /** The root certificates read from {@code sslrootcert}; empty for none, or for the JDK's CAs ({@link #usesSystemRoots()}). */
    public List<X509Certificate> rootCertificates() {
        return rootCertificates;
    }

    /** Whether the JDK's trusted CAs are the roots ({@code sslrootcert=system}). */
    public boolean usesSystemRoots() {
        return SYSTEM_ROOTS.equals(rootSource);
    }

    /** Where the roots come from, for messages: the file, or {@code system}. */
    public Optional<String> rootSource() {
        return Optional.ofNullable(rootSource);
    }

    /** The certificate shown to a server that asks for one, if any. */
    public Optional<ClientCertificate> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    @Override
    public String toString() {
        return "sslmode=" + mode + rootSource().map(source -> " sslrootcert=" + source).orElse("")
                + clientCertificate().map(client -> " sslcert=" + client.certificateFile()).orElse("");
    }
}
