package dev.dbsurveyor.cli;

import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.Engine;
import dev.dbsurveyor.testing.RecordingProxy;
import dev.dbsurveyor.testing.ServerEndpoint;
import dev.dbsurveyor.testing.TestCertificates;
import dev.dbsurveyor.testing.TestServer;
import dev.dbsurveyor.testing.TlsPostgresServers;
import dev.dbsurveyor.testing.TlsPostgresServers.Certificate;
import dev.dbsurveyor.testing.TlsServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a capture on the wire sees: {@code dbsurveyor collect} reads a database through a
 * recording proxy on loopback, as a user whose password crosses as it is when TLS does not hide
 * it (PostgreSQL's {@code password} authentication). Under {@code require} and stricter, and under
 * {@code prefer} against a TLS server, neither a catalog row (a table's, a column's, a comment's
 * name) nor the password crosses in plaintext; under {@code disable} both do, which shows that the
 * capture would see them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsCaptureIT {

    private static final String CANARY = "canary_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    private final Map<Engine, TestServer> servers = new EnumMap<>(Engine.class);
    private final Map<Engine, String> databases = new EnumMap<>(Engine.class);

    @TempDir
    Path directory;

    @BeforeAll
    void createTheCanaryDatabases() {
        for (Engine engine : Engine.values()) {
            TestServer server = new TestServer(TlsServers.withTls(engine, Certificate.RIGHT_NAME));
            servers.put(engine, server);
            String database = server.createDatabase(CANARY + "_db");
            databases.put(engine, database);
            server.execute(database, engine == Engine.POSTGRES
                    ? "CREATE TABLE " + CANARY + "_table (" + CANARY + "_column integer)"
                    : "CREATE TABLE " + CANARY + "_table (" + CANARY + "_column integer) COMMENT '" + CANARY + "_comment'");
            if (engine == Engine.POSTGRES) {
                server.execute(database, "COMMENT ON TABLE " + CANARY + "_table IS '" + CANARY + "_comment'",
                        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + TlsPostgresServers.PASSWORD_USER);
            }
        }
    }

    @AfterAll
    void dropThem() {
        servers.values().forEach(TestServer::close);
    }

    static Stream<Arguments> modes() {
        return Stream.of(Engine.values()).flatMap(engine -> Stream.of("disable", "prefer", "require", "verify-ca", "verify-full")
                .map(mode -> Arguments.of(engine, mode)));
    }

    @ParameterizedTest(name = "{0} sslmode={1}")
    @MethodSource("modes")
    void noCatalogRowNorThePasswordCrossesInPlaintextUnlessTlsIsOff(Engine engine, String mode) throws Exception {
        ServerEndpoint server = servers.get(engine).endpoint();
        Path output = directory.resolve(engine + "-" + mode + ".json");
        try (RecordingProxy proxy = new RecordingProxy(server.host(), server.port())) {
            String url = (engine == Engine.POSTGRES ? "postgresql" : "mysql") + "://" + TlsPostgresServers.PASSWORD_USER + ":"
                    + TlsPostgresServers.PASSWORD + "@127.0.0.1:" + proxy.port() + "/" + databases.get(engine) + "?sslmode=" + mode
                    + (mode.startsWith("verify") ? "&sslrootcert=" + TestCertificates.shared().trusted().certificateFile() : "");

            CommandRun run = CommandRun.of("collect", url, "-o", output.toString(), "--no-progress");

            assertThat(run.exitCode()).as(run.all()).isZero();
            ContractSchemas.assertValidFile(output);
            // The document holds the rows, so they did cross: the question is only in what form.
            assertThat(Files.readString(output)).contains(CANARY + "_table", CANARY + "_column", CANARY + "_comment");
            assertThat(proxy.bytes()).isGreaterThan(1_000);
            List<String> secrets = List.of(CANARY + "_table", CANARY + "_column", CANARY + "_comment", TlsPostgresServers.PASSWORD);
            if (mode.equals("disable")) {
                assertThat(proxy.carried(CANARY + "_table")).as("the capture sees rows in plaintext").isTrue();
                assertThat(proxy.carried(CANARY + "_comment")).isTrue();
                if (engine == Engine.POSTGRES) {
                    assertThat(proxy.carried(TlsPostgresServers.PASSWORD)).as("password authentication sends it as it is").isTrue();
                }
            } else {
                for (String secret : secrets) {
                    assertThat(proxy.carried(secret)).as(secret + " crossed in plaintext under sslmode=" + mode).isFalse();
                }
                assertThat(tlsHandshakeRecord(proxy.sentToServer())).as("a TLS ClientHello crossed").isTrue();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aPostgresServerNamedByNameIsToldTheNameInTheClientHello() throws Exception {
        ServerEndpoint server = servers.get(Engine.POSTGRES).endpoint();
        try (RecordingProxy proxy = new RecordingProxy(server.host(), server.port())) {
            CommandRun run = CommandRun.of("test", "postgresql://" + TlsPostgresServers.USER + "@localhost:" + proxy.port()
                    + "?sslmode=verify-full&sslrootcert=" + TestCertificates.shared().trusted().certificateFile());

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(tlsHandshakeRecord(proxy.sentToServer())).isTrue();
            // SNI: the host name in the ClientHello, as libpq's sslsni=1 sends it, though the driver connects to an address.
            assertThat(new String(proxy.sentToServer(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("localhost");
        }
    }

    /** Whether the bytes hold a TLS handshake record that is a ClientHello (content type 22, version 3.x, handshake type 1). */
    private static boolean tlsHandshakeRecord(byte[] bytes) {
        for (int i = 0; i + 5 < bytes.length; i++) {
            if (bytes[i] == 0x16 && bytes[i + 1] == 0x03 && bytes[i + 5] == 0x01) {
                return true;
            }
        }
        return false;
    }
}
