package dev.dbsurveyor.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that is down, on a loopback port that refuses connections: every command that connects
 * says so in one line naming the host and port as the URL gives them, and exits 1.
 */
class UnreachableServerIT {

    private static final String ADVICE = " (check that the server runs and the host and port are right)";

    @TempDir
    Path directory;

    /** A port on {@code address} that nothing listens on: bound, then released. */
    private static int refusedPort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }

    private static void assertRefused(CommandRun run, String hostAndPort) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).as(run.all())
                .isEqualTo("dbsurveyor: Cannot connect to " + hostAndPort + ": connection refused" + ADVICE + System.lineSeparator());
        assertThat(run.all()).doesNotContain("<unresolved>").doesNotContain("hunter2").doesNotContain("/127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "mariadb"})
    void testListAndCollectNameTheHostAndPortAsWritten(String scheme) throws IOException {
        int port = refusedPort("127.0.0.1");
        String url = scheme + "://alice:hunter2@127.0.0.1:" + port;

        assertRefused(CommandRun.of("test", url), "127.0.0.1:" + port);
        assertRefused(CommandRun.of("list", url), "127.0.0.1:" + port);
        assertRefused(CommandRun.of("collect", url + "/sales", "-o", directory.resolve("one.json").toString()), "127.0.0.1:" + port);
        assertRefused(CommandRun.of("collect", url, "--no-progress", "-o", directory.resolve("all.json").toString()), "127.0.0.1:" + port);
        assertThat(directory).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void aHostNameIsPrintedAsTheNameNotTheAddressItResolvedTo(String scheme) throws IOException {
        int port = refusedPort("127.0.0.1");

        assertRefused(CommandRun.of("test", scheme + "://alice:hunter2@localhost:" + port), "localhost:" + port);
    }

    @Test
    void anIpv6LoopbackIsPrintedInBrackets() throws IOException {
        int port;
        try {
            port = refusedPort("::1");
        } catch (IOException noIpv6) {
            Assumptions.abort("this machine has no IPv6 loopback: " + noIpv6.getMessage());
            return;
        }

        assertRefused(CommandRun.of("test", "postgresql://alice:hunter2@[::1]:" + port), "[::1]:" + port);
        assertRefused(CommandRun.of("list", "mysql://alice:hunter2@[::1]:" + port), "[::1]:" + port);
    }
}
