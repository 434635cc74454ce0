package dev.dbsurveyor.cli;

import dev.dbsurveyor.testing.*;
import org.junit.jupiter.api.Test;

class TlsProbeIT {
    @Test
    void probe() {
        var certs = TestCertificates.shared();
        int pgRight = TlsPostgresServers.endpoint(TlsPostgresServers.Certificate.RIGHT_NAME).port();
        int pgWrong = TlsPostgresServers.endpoint(TlsPostgresServers.Certificate.WRONG_NAME).port();
        int myRight = TlsMariaDbServers.shared(TlsPostgresServers.Certificate.RIGHT_NAME).port();
        int myWrong = TlsMariaDbServers.shared(TlsPostgresServers.Certificate.WRONG_NAME).port();
        String ca = certs.trusted().certificateFile().toString();
        String other = certs.stranger().certificateFile().toString();
        for (String scheme : new String[] {"postgresql", "mysql"}) {
            int[] ports = scheme.equals("postgresql") ? new int[] {5432, pgRight, pgRight, pgWrong} : new int[] {3306, myRight, myRight, myWrong};
            String[] roots = {ca, ca, other, ca};
            for (String mode : new String[] {"disable", "prefer", "require", "verify-ca", "verify-full"}) {
                for (int column = 0; column < 4; column++) {
                    String user = column == 0 ? (scheme.equals("postgresql") ? "postgres" : "root") : "surveyor";
                    String url = scheme + "://" + user + "@127.0.0.1:" + ports[column] + "?sslmode=" + mode + (mode.startsWith("verify") || column == 2 ? "&sslrootcert=" + roots[column] : "");
                    CommandRun run = CommandRun.of("test", "-v", url);
                    System.out.println("PROBE " + scheme + " " + mode + " col" + column + " exit=" + run.exitCode() + " :: " + run.err().lines().limit(12).reduce("", (a, b) -> a + "\n      " + b));
                }
            }
        }
    }
}
