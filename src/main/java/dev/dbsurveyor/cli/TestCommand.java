package dev.dbsurveyor.cli;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.adapter.TransportSecurity;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.server.ServerTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** {@code dbsurveyor test}: can the collector connect, and what may it see. */
@Command(mixinStandardHelpOptions = true, versionProvider = DbSurveyorCommand.Version.class, name = "test",
        description = "Connect to a server and report its version, the user, whether the session is encrypted (TLS protocol, cipher, "
                + "the server's certificate), what the user may read, and the round-trip time.",
        footerHeading = "%nExamples:%n",
        footer = {"  dbsurveyor test postgresql://surveyor@db.example.com", "  dbsurveyor test mysql://surveyor@db.example.com",
                "  dbsurveyor test mariadb://surveyor@[2001:db8::5]:3307",
                "  dbsurveyor test sqlite:///srv/app/data/", "Exit code 0 only when the connection works."})
final class TestCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = UrlForms.HELP)
    String url;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-v", "--verbose"}, description = "Stack traces of errors.")
    boolean[] verbose = new boolean[0];

    @Override
    public Integer call() {
        Environment environment = Environment.system();
        ServerTarget target = connection.target(url, environment);
        DatabaseAdapter adapter = DatabaseAdapters.create(target, connection.config(environment));
        try {
            ServerInfo server = adapter.serverInfo().block();
            TransportSecurity transport = target.sqlite().isPresent() ? null : adapter.transportSecurity().block();
            Duration roundTrip = adapter.roundTrip().block();
            List<EnumeratedDatabase> databases = adapter.enumerate().collectList().block();
            long accessible = databases.stream().filter(EnumeratedDatabase::isAccessible).count();
            PrintWriter out = spec.commandLine().getOut();
            out.println("connected to " + target);
            out.println("server:     " + server.serverType().name().toLowerCase(java.util.Locale.ROOT) + " " + server.version());
            out.println("user:       " + server.connectionUser() + (server.hasSuperuserPrivileges() ? " (superuser)" : ""));
            if (transport != null) {
                printTransport(out, transport, target);
                out.println("databases:  " + databases.size() + ", of which the user may connect to " + accessible);
            } else {
                out.println("files:      " + databases.size() + " SQLite file(s), read-only" + (target.sqlite().orElseThrow().immutable() ? ", immutable" : ""));
            }
            out.printf(java.util.Locale.ROOT, "round trip: %.1f ms%n", roundTrip.toNanos() / 1e6);
            out.flush();
            return 0;
        } finally {
            adapter.close().block();
        }
    }

    /** Whether the session is encrypted; if it is, the protocol, the cipher and the server's certificate. */
    private static void printTransport(PrintWriter out, TransportSecurity transport, ServerTarget target) {
        String mode = "sslmode=" + target.tls().mode();
        if (transport instanceof TransportSecurity.Encrypted encrypted) {
            out.println("encrypted:  yes, " + encrypted.protocol() + " " + encrypted.cipher() + " (" + mode + ")");
            for (TransportSecurity.Certificate certificate : encrypted.serverCertificate()) {
                out.println("certificate: " + certificate.subject() + ", issued by " + certificate.issuer() + ", expires "
                        + certificate.notAfter().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
        } else {
            out.println("encrypted:  no, the session is plaintext (" + mode + ")");
        }
    }
}
