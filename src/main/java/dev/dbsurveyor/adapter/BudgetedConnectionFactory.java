package dev.dbsurveyor.adapter;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcTimeoutException;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Opens connections only with a permit of the server's {@link ConnectionBudget}, and bounds the
 * whole opening (TCP, TLS, authentication) by the connect timeout, since the drivers' own
 * connect timeout covers the TCP connect alone.
 */
final class BudgetedConnectionFactory implements ConnectionFactory {

    private final ConnectionFactory delegate;
    private final ConnectionBudget budget;
    private final Duration connectTimeout;

    BudgetedConnectionFactory(ConnectionFactory delegate, ConnectionBudget budget, Duration connectTimeout) {
        this.delegate = delegate;
        this.budget = budget;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public Mono<Connection> create() {
        return budget.acquire().flatMap(permit -> Mono.from(delegate.create())
                .timeout(connectTimeout, Mono.error(() -> new R2dbcTimeoutException(
                        "Opening a connection took longer than the connect timeout of " + connectTimeout.toMillis() + " ms")))
                .<Connection>map(connection -> new BudgetedConnection(connection, permit))
                .onErrorResume(error -> permit.release().then(Mono.error(error)))
                // A cancelled subscriber no longer waits for anything, so the release cannot be chained.
                .doOnCancel(() -> permit.release().subscribe()));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }
}
