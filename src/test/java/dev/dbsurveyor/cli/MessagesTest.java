package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.retry.RetriedException;
import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A server that cannot be reached is named as the URL names it, never as the driver's resolved address, and never with the password. */
class MessagesTest {

    private static final String ADVICE = " (check that the server runs and the host and port are right)";

    @TempDir
    Path home;

    private ServerTarget target(String url) {
        return ServerTarget.parse(url, new Environment(Map.of(), home));
    }

    @Test
    void anUnknownHostIsNamedAsWrittenWithTheDefaultPort() {
        Throwable error = new R2dbcNonTransientResourceException("Cannot connect to db.example.com/<unresolved>:5432", "08003",
                new UnknownHostException("db.example.com"));

        String message = Messages.of(error, target("postgresql://alice:s3cret@db.example.com/sales"));

        assertThat(message).isEqualTo("Cannot connect to db.example.com:5432: unknown host" + ADVICE);
    }

    @Test
    void aRefusedConnectionNamesTheHostTheUserWroteNotTheAddressItResolvedTo() {
        Throwable refused = new ConnectException("finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:3307")
                .initCause(new ConnectException("finishConnect(..) failed with error(-111): Connection refused"));
        Throwable error = new RetriedException(refused, 3, null);

        String message = Messages.of(error, target("mariadb://root:s3cret@localhost:3307"));

        assertThat(message).isEqualTo("Cannot connect to localhost:3307: connection refused" + ADVICE);
    }

    @Test
    void anIpv6HostIsPrintedInBrackets() {
        Throwable error = new NoRouteToHostException("No route to host");

        assertThat(Messages.of(error, target("mysql://u@[2001:db8::5]")))
                .isEqualTo("Cannot connect to [2001:db8::5]:3306: no route to host" + ADVICE);
        assertThat(Messages.of(new ConnectException("Connection refused"), target("postgresql://u@[::1]:5433/x")))
                .isEqualTo("Cannot connect to [::1]:5433: connection refused" + ADVICE);
    }

    @Test
    void anErrorOnceConnectedKeepsTheServersOwnMessage() {
        Throwable error = new R2dbcPermissionDeniedException("password authentication failed for user \"alice\"", "28P01");

        assertThat(Messages.of(error, target("postgresql://alice:s3cret@db.example.com/sales")))
                .isEqualTo(Messages.of(error))
                .isEqualTo("password authentication failed for user \"alice\" (check the user name and password)");
    }

    @Test
    void aTlsRefusalNamesTheServerAsWrittenAndTheReasonWithoutAdviceOnPasswords() {
        Throwable error = new RetriedException(new dev.dbsurveyor.retry.TlsRefusedException(
                dev.dbsurveyor.retry.TlsRefusedException.Reason.HOST_NAME_MISMATCH, "the server's certificate is for db1, not for db2",
                new R2dbcNonTransientResourceException("Cannot connect to 10.0.0.7/<unresolved>:5432", "08003")), 0, null);

        assertThat(Messages.of(error, target("postgresql://alice:s3cret@db2/sales?sslmode=verify-full&sslrootcert=system")))
                .isEqualTo("Cannot connect to db2:5432 over TLS: host name mismatch: the server's certificate is for db1, not for db2");
        assertThat(Messages.of(error))
                .isEqualTo("TLS refused the connection: host name mismatch: the server's certificate is for db1, not for db2");
    }
}
