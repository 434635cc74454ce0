package dev.dbsurveyor.testing;

import dev.dbsurveyor.output.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private MariaDB server the tests start from the machine's own binaries ({@code mariadbd},
 * {@code mariadb-install-db}): its own data directory, socket, pid file and port on 127.0.0.1,
 * none of the machine's option files, and settings of the test's ({@code mariadbd} options without
 * the leading dashes). {@code root@127.0.0.1} has an empty password. {@link #close} stops it and
 * deletes its directory; so does the JVM's exit, should a test not get that far.
 */
public final class MariaDbServer implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);

    private final Path directory;
    private final int port;
    private final Process process;
    private final Thread cleanUp;

    private MariaDbServer(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
        this.cleanUp = new Thread(this::stopAndDelete, "mariadb-" + port + "-stop");
        Runtime.getRuntime().addShutdownHook(cleanUp);
    }

    /** Whether this machine has the MariaDB server binaries. */
    public static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(INSTALL);
    }

    /** Starts a new server with {@code options} (such as {@code ssl-cert} to a path); waits until it answers. */
    public static MariaDbServer start(Map<String, String> options) {
        if (!available()) {
            throw new IllegalStateException("No MariaDB server binaries at " + SERVER + " and " + INSTALL + " (Debian's mariadb-server)");
        }
        try {
            Path directory = Files.createTempDirectory("dbsurveyor-mariadb-");
            Path data = directory.resolve("data");
            run(List.of(INSTALL.toString(), "--no-defaults", "--user=root", "--datadir=" + data, "--auth-root-authentication-method=normal",
                    "--skip-test-db"), directory.resolve("install.log"));
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--user=root",
                    "--datadir=" + data, "--socket=" + directory.resolve("mariadb.sock"), "--port=" + port,
                    "--bind-address=127.0.0.1", "--pid-file=" + directory.resolve("mariadb.pid"),
                    "--log-error=" + directory.resolve("error.log"), "--skip-name-resolve",
                    "--innodb-buffer-pool-size=16M", "--max-connections=200"));
            options.forEach((name, value) -> command.add("--" + name + "=" + value));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("server.out").toFile()).start();
            MariaDbServer server = new MariaDbServer(directory, port, process);
            if (!BlockingSql.awaitAnswer(server.endpoint().options(null), START_PATIENCE)) {
                String log = Files.exists(directory.resolve("error.log")) ? Files.readString(directory.resolve("error.log")) : "";
                server.close();
                throw new IllegalStateException("The private MariaDB did not answer within " + START_PATIENCE.toSeconds() + " s: " + log);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a private MariaDB", e);
        }
    }

    /** The administrator's endpoint: {@code root} without a password. */
    public ServerEndpoint endpoint() {
        return new ServerEndpoint(Engine.MYSQL, "127.0.0.1", port, "root", "", "private MariaDB on port " + port);
    }

    public int port() {
        return port;
    }

    /** Runs statements as the administrator. */
    public void execute(String... statements) {
        BlockingSql.execute(endpoint().options(null), statements);
    }

    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        } catch (IllegalStateException exiting) {
            // The JVM is exiting and runs the hook itself.
        }
    }

    private synchronized void stopAndDelete() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            FileTrees.delete(directory);
        } catch (IOException e) {
            // Already deleted.
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing a private MariaDB", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
