package dev.dbsurveyor.cli;

import dev.dbsurveyor.testing.Engine;
import dev.dbsurveyor.testing.TestCertificates;
import dev.dbsurveyor.testing.TlsPostgresServers;
import dev.dbsurveyor.testing.TlsPostgresServers.Certificate;
import dev.dbsurveyor.testing.TlsServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged command as its own JVM, as a user runs it: every TLS refusal is one stderr line
 * naming the reason, exit code 1, no stack trace and no line of a driver's; a key file others may
 * read is a configuration error (exit 2); a {@code ~/.pgpass} others may read is ignored with a
 * warning.
 */
class TlsCommandLineIT {

    @TempDir
    Path home;

    private static final TestCertificates CERTIFICATES = TestCertificates.shared();

    private CommandRun runJar(String... args) {
        return CommandProcess.run(List.of("-Duser.home=" + home), args);
    }

    private static String scheme(Engine engine) {
        return engine == Engine.POSTGRES ? "postgresql" : "mysql";
    }

    static Stream<Arguments> refusals() {
        String trusted = CERTIFICATES.trusted().certificateFile().toString();
        String stranger = CERTIFICATES.stranger().certificateFile().toString();
        return Stream.of(Engine.values()).flatMap(engine -> {
            int right = TlsServers.withTls(engine, Certificate.RIGHT_NAME).port();
            int wrong = TlsServers.withTls(engine, Certificate.WRONG_NAME).port();
            var plain = TlsServers.withoutTls(engine);
            String base = scheme(engine) + "://" + TlsPostgresServers.USER + "@127.0.0.1:";
            TestCertificates.Issued strangers = CERTIFICATES.stranger().issue(TlsPostgresServers.CERTIFICATE_USER, List.of());
            return Stream.of(
                    Arguments.of(engine, "no TLS offered", scheme(engine) + "://" + plain.user()
                            + (plain.password().isEmpty() ? "" : ":" + plain.password()) + "@127.0.0.1:" + plain.port() + "?sslmode=require"),
                    Arguments.of(engine, "unknown CA", base + right + "?sslmode=verify-ca&sslrootcert=" + stranger),
                    Arguments.of(engine, "host name mismatch", base + wrong + "?sslmode=verify-full&sslrootcert=" + trusted),
                    Arguments.of(engine, "client certificate refused", scheme(engine) + "://" + TlsPostgresServers.CERTIFICATE_USER
                            + "@127.0.0.1:" + right + "?sslmode=verify-full&sslrootcert=" + trusted + "&sslcert=" + strangers.certificateFile()
                            + "&sslkey=" + strangers.keyFile()));
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusals")
    void aRefusalIsOneLineNamingTheReasonAndExitCodeOne(Engine engine, String reason, String url) {
        CommandRun run = runJar("test", url);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.err().lines().toList()).as(run.all()).singleElement().asString()
                .startsWith("dbsurveyor: Cannot connect to 127.0.0.1:")
                .contains(" over TLS: " + reason + ": ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aKeyFileOthersMayReadIsAConfigurationError() throws IOException {
        TestCertificates.Issued client = CERTIFICATES.trusted().issue(TlsPostgresServers.CERTIFICATE_USER, List.of());
        Files.setPosixFilePermissions(client.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        int port = TlsServers.withTls(Engine.POSTGRES, Certificate.RIGHT_NAME).port();

        CommandRun run = runJar("test", "postgresql://" + TlsPostgresServers.CERTIFICATE_USER + "@127.0.0.1:" + port
                + "?sslmode=require&sslcert=" + client.certificateFile() + "&sslkey=" + client.keyFile());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("dbsurveyor: sslkey " + client.keyFile() + " has group or world access; permissions should be "
                + "u=rw (0600) or less if owned by the current user, or u=rw,g=r (0640) or less if owned by root (as libpq requires)"
                + System.lineSeparator());
    }

    @Test
    void aPasswordFileOthersMayReadIsIgnoredWithAWarning() throws IOException {
        Path pgpass = Files.writeString(home.resolve(".pgpass"), "*:*:*:*:not-this-one\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        int port = TlsServers.withTls(Engine.POSTGRES, Certificate.RIGHT_NAME).port();

        CommandRun run = runJar("test", "postgresql://" + TlsPostgresServers.USER + "@127.0.0.1:" + port);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.err()).isEqualTo("dbsurveyor: warning: password file " + pgpass + " has group or world access; permissions should "
                + "be u=rw (0600) or less: it is ignored" + System.lineSeparator());
        assertThat(run.out()).contains("encrypted:  yes, TLSv1.3").doesNotContain("not-this-one");
    }
}
