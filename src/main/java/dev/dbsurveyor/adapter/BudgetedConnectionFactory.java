package dev.dbsurveyor.adapter;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import dev.dbsurveyor.retry.ConnectionTimeoutException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Opens connections only with a permit of the server's {@link ConnectionBudget}, and bounds the
 * whole opening (TCP, TLS, authentication) by the connect timeout, since the drivers' own connect
 * timeout covers the TCP connect alone. An opening that times out or is cancelled is not cut
 * short (a driver may leave the socket open): the connection is closed when it arrives, and only
 * then is its permit given back, so the budget always counts every socket. The connections it
 * opens give up on a server that stays silent for longer than {@code replyDeadline}.
 */
final class BudgetedConnectionFactory implements ConnectionFactory {

    private final ConnectionFactory delegate;
    private final ConnectionBudget budget;
    private final Duration connectTimeout;
    private final Duration replyDeadline;

    BudgetedConnectionFactory(ConnectionFactory delegate, ConnectionBudget budget, Duration connectTimeout, Duration replyDeadline) {
        this.delegate = delegate;
        this.budget = budget;
        this.connectTimeout = connectTimeout;
        this.replyDeadline = replyDeadline;
    }

    @Override
    public Mono<Connection> create() {
        return budget.acquire().map(HeldPermit::new).flatMap(permit -> {
            Mono<Connection> opening = Mono.<Connection>from(delegate.create()).cache();
            return opening
                    .timeout(connectTimeout)
                    .<Connection>map(connection -> new BudgetedConnection(connection, permit, connectTimeout, replyDeadline))
                    .onErrorResume(TimeoutException.class, timeout -> {
                        closeWhenItArrives(opening, permit);
                        return Mono.error(new ConnectionTimeoutException("Opening a connection took longer than the connect timeout of "
                                + connectTimeout.toMillis() + " ms", timeout));
                    })
                    .onErrorResume(error -> !(error instanceof ConnectionTimeoutException), error -> permit.release().then(Mono.error(error)))
                    .doOnCancel(() -> closeWhenItArrives(opening, permit));
        });
    }

    /**
     * Waits, detached, for an opening nobody waits for any more, closes the connection if one
     * comes, then gives the permit back. Detached because its caller has gone: there is no one to
     * chain it to.
     */
    private void closeWhenItArrives(Mono<Connection> opening, HeldPermit permit) {
        opening.flatMap(connection -> Mono.from(connection.close()).timeout(connectTimeout))
                .onErrorResume(error -> Mono.empty())
                .then(permit.release())
                .subscribe();
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }
}
