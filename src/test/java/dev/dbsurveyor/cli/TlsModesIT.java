package dev.dbsurveyor.cli;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.adapter.TransportSecurity;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.retry.ErrorClassification;
import dev.dbsurveyor.retry.ErrorClassifier;
import dev.dbsurveyor.retry.TlsRefusedException;
import dev.dbsurveyor.retry.TlsRefusedException.Reason;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.Engine;
import dev.dbsurveyor.testing.ServerEndpoint;
import dev.dbsurveyor.testing.TestCertificates;
import dev.dbsurveyor.testing.TlsPostgresServers;
import dev.dbsurveyor.testing.TlsPostgresServers.Certificate;
import dev.dbsurveyor.testing.TlsServers;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every cell of the sslmode table (docs/TLS.md), on PostgreSQL and on MariaDB, through the
 * library (an adapter: what the server says of the session, or the refusal and its
 * classification) and through the command line ({@code dbsurveyor test}: its encryption lines, or
 * one stderr line naming the reason and exit code 1).
 */
class TlsModesIT {

    /** The columns of the table: which server, and which CA the client trusts. */
    enum Column {
        SERVER_WITHOUT_TLS, TRUSTED_CA_RIGHT_NAME, UNTRUSTED_CA, WRONG_HOST_NAME
    }

    /** What a cell must show. */
    sealed interface Expected {
        record Plaintext() implements Expected {
        }

        record Tls() implements Expected {
        }

        record Refused(Reason reason) implements Expected {
        }
    }

    private static final Expected PLAINTEXT = new Expected.Plaintext();
    private static final Expected TLS = new Expected.Tls();

    private static Expected refused(Reason reason) {
        return new Expected.Refused(reason);
    }

    /**
     * One cell: the engine, the sslmode, the column, whether {@code sslrootcert} is given (the
     * trusted CA's, or in the untrusted column the stranger CA's), the host the URL names, and
     * what must happen.
     */
    record Cell(Engine engine, String mode, Column column, boolean rootGiven, String host, Expected expected) {

        @Override
        public String toString() {
            return engine.label() + " sslmode=" + mode + " " + column + (rootGiven ? " with sslrootcert" : "") + " via " + host + ": "
                    + expected;
        }
    }

    static List<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            // disable: plaintext everywhere.
            for (Column column : Column.values()) {
                add(cells, new Cell(engine, "disable", column, column == Column.UNTRUSTED_CA, "127.0.0.1", PLAINTEXT));
            }
            // prefer: TLS whenever the server has it, the certificate unchecked even with a root certificate given.
            add(cells, new Cell(engine, "prefer", Column.SERVER_WITHOUT_TLS, false, "127.0.0.1", PLAINTEXT));
            add(cells, new Cell(engine, "prefer", Column.TRUSTED_CA_RIGHT_NAME, false, "127.0.0.1", TLS));
            add(cells, new Cell(engine, "prefer", Column.UNTRUSTED_CA, false, "127.0.0.1", TLS));
            add(cells, new Cell(engine, "prefer", Column.UNTRUSTED_CA, true, "127.0.0.1", TLS));
            add(cells, new Cell(engine, "prefer", Column.WRONG_HOST_NAME, false, "127.0.0.1", TLS));
            // require: TLS or nothing; the CA is checked only when a root certificate is given (libpq's rule).
            add(cells, new Cell(engine, "require", Column.SERVER_WITHOUT_TLS, false, "127.0.0.1", refused(Reason.NO_TLS_OFFERED)));
            add(cells, new Cell(engine, "require", Column.TRUSTED_CA_RIGHT_NAME, false, "127.0.0.1", TLS));
            add(cells, new Cell(engine, "require", Column.TRUSTED_CA_RIGHT_NAME, true, "127.0.0.1", TLS));
            add(cells, new Cell(engine, "require", Column.UNTRUSTED_CA, false, "127.0.0.1", TLS));
            add(cells, new Cell(engine, "require", Column.UNTRUSTED_CA, true, "127.0.0.1", refused(Reason.UNKNOWN_CA)));
            add(cells, new Cell(engine, "require", Column.WRONG_HOST_NAME, false, "127.0.0.1", TLS));
            add(cells, new Cell(engine, "require", Column.WRONG_HOST_NAME, true, "127.0.0.1", TLS));
            // verify-ca: the CA, never the host name.
            add(cells, new Cell(engine, "verify-ca", Column.SERVER_WITHOUT_TLS, true, "127.0.0.1", refused(Reason.NO_TLS_OFFERED)));
            add(cells, new Cell(engine, "verify-ca", Column.TRUSTED_CA_RIGHT_NAME, true, "127.0.0.1", TLS));
            add(cells, new Cell(engine, "verify-ca", Column.UNTRUSTED_CA, true, "127.0.0.1", refused(Reason.UNKNOWN_CA)));
            add(cells, new Cell(engine, "verify-ca", Column.WRONG_HOST_NAME, true, "127.0.0.1", TLS));
            add(cells, new Cell(engine, "verify-ca", Column.WRONG_HOST_NAME, true, "localhost", TLS));
            // verify-full: the CA and the host name, by address and by name.
            add(cells, new Cell(engine, "verify-full", Column.SERVER_WITHOUT_TLS, true, "127.0.0.1", refused(Reason.NO_TLS_OFFERED)));
            add(cells, new Cell(engine, "verify-full", Column.TRUSTED_CA_RIGHT_NAME, true, "127.0.0.1", TLS));
            add(cells, new Cell(engine, "verify-full", Column.TRUSTED_CA_RIGHT_NAME, true, "localhost", TLS));
            add(cells, new Cell(engine, "verify-full", Column.UNTRUSTED_CA, true, "127.0.0.1", refused(Reason.UNKNOWN_CA)));
            add(cells, new Cell(engine, "verify-full", Column.WRONG_HOST_NAME, true, "127.0.0.1", refused(Reason.HOST_NAME_MISMATCH)));
            add(cells, new Cell(engine, "verify-full", Column.WRONG_HOST_NAME, true, "localhost", refused(Reason.HOST_NAME_MISMATCH)));
        }
        return cells;
    }

    private static void add(List<Arguments> cells, Cell cell) {
        cells.add(Arguments.of(Named.of(cell.toString(), cell)));
    }

    @TempDir
    Path home;

    /** The URL of a cell, as a user would write it; the home directory is empty, so no libpq default file counts. */
    static String url(Cell cell) {
        ServerEndpoint endpoint = switch (cell.column()) {
            case SERVER_WITHOUT_TLS -> TlsServers.withoutTls(cell.engine());
            case TRUSTED_CA_RIGHT_NAME, UNTRUSTED_CA -> TlsServers.withTls(cell.engine(), Certificate.RIGHT_NAME);
            case WRONG_HOST_NAME -> TlsServers.withTls(cell.engine(), Certificate.WRONG_NAME);
        };
        String user = cell.column() == Column.SERVER_WITHOUT_TLS ? endpoint.user() : TlsPostgresServers.USER;
        String password = cell.column() == Column.SERVER_WITHOUT_TLS && !endpoint.password().isEmpty() ? ":" + endpoint.password() : "";
        TestCertificates certificates = TestCertificates.shared();
        String root = (cell.column() == Column.UNTRUSTED_CA ? certificates.stranger() : certificates.trusted()).certificateFile().toString();
        return (cell.engine() == Engine.POSTGRES ? "postgresql" : "mariadb") + "://" + user + password + "@" + cell.host() + ":"
                + endpoint.port() + "?sslmode=" + cell.mode() + (cell.rootGiven() ? "&sslrootcert=" + root : "");
    }

    private Environment environment() {
        return new Environment(Map.of(), home);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void theLibraryConnectsAsTheTableSays(Cell cell) {
        DatabaseAdapter adapter = DatabaseAdapters.create(ServerTarget.parse(url(cell), environment()), ConnectionConfig.defaults());
        try {
            if (cell.expected() instanceof Expected.Refused refused) {
                Throwable error = catchThrowable(() -> adapter.transportSecurity().block(Duration.ofSeconds(60)));

                assertThat(error).as(cell.toString()).isInstanceOf(TlsRefusedException.class);
                assertThat(((TlsRefusedException) error).reason()).isEqualTo(refused.reason());
                ErrorClassification classification = ErrorClassifier.classify(error);
                assertThat(classification).isEqualTo(new ErrorClassification(ErrorCategory.PERMISSION, false, true));
            } else {
                TransportSecurity transport = adapter.transportSecurity().block(Duration.ofSeconds(60));

                if (cell.expected() instanceof Expected.Tls) {
                    assertThat(transport).isInstanceOf(TransportSecurity.Encrypted.class);
                    TransportSecurity.Encrypted encrypted = (TransportSecurity.Encrypted) transport;
                    assertThat(encrypted.protocol()).startsWith("TLSv1.");
                    assertThat(encrypted.serverCertificate()).singleElement()
                            .satisfies(certificate -> assertThat(certificate.issuer()).isEqualTo("CN=dbsurveyor test CA"));
                } else {
                    assertThat(transport).isInstanceOf(TransportSecurity.Plaintext.class);
                }
                assertThat(adapter.enumerate().collectList().block(Duration.ofSeconds(60))).isNotEmpty();
            }
        } finally {
            adapter.close().block(Duration.ofSeconds(30));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void theTestCommandConnectsAsTheTableSays(Cell cell) {
        CommandRun run = CommandRun.of("test", url(cell));

        if (cell.expected() instanceof Expected.Refused refused) {
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(run.err().lines().toList()).as(run.all()).singleElement().asString()
                    .startsWith("dbsurveyor: Cannot connect to " + (cell.host().equals("localhost") ? "localhost" : "127.0.0.1") + ":")
                    .contains("over TLS: " + refused.reason().label() + ": ");
            assertThat(run.out()).isEmpty();
        } else {
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.err()).isEmpty();
            if (cell.expected() instanceof Expected.Tls) {
                assertThat(run.out()).containsPattern("(?m)^encrypted:  yes, TLSv1\\.[23] \\S+ \\(sslmode=" + cell.mode() + "\\)$")
                        .containsPattern("(?m)^certificate: CN=(localhost|" + TestCertificates.WRONG_NAME.replace(".", "\\.")
                                + "), issued by CN=dbsurveyor test CA, expires \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$");
            } else {
                assertThat(run.out()).contains("encrypted:  no, the session is plaintext (sslmode=" + cell.mode() + ")")
                        .doesNotContain("certificate:");
            }
        }
    }
}
