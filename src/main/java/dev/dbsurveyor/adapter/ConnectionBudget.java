package dev.dbsurveyor.adapter;

import dev.dbsurveyor.retry.ConnectionTimeoutException;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;

import java.time.Duration;

/**
 * Permits to open a connection to one server: however many databases a sweep reads at once,
 * no more than {@code max} connections are open. Waiting for a permit never blocks a thread.
 */
final class ConnectionBudget {

    /** A permit to hold one open connection. */
    record Permit() {
    }

    private final InstrumentedPool<Permit> permits;
    private final Duration acquireTimeout;
    private final int max;

    ConnectionBudget(int max, Duration acquireTimeout) {
        this.max = max;
        this.acquireTimeout = acquireTimeout;
        this.permits = PoolBuilder.from(Mono.fromSupplier(Permit::new))
                .sizeBetween(0, max)
                .maxPendingAcquireUnbounded()
                .buildPool();
    }

    /** A permit, or a {@link ConnectionTimeoutException} once the acquire timeout passes with all in use. */
    Mono<PooledRef<Permit>> acquire() {
        return permits.acquire(acquireTimeout)
                .onErrorMap(PoolAcquireTimeoutException.class, e -> new ConnectionTimeoutException(
                        "No connection became free within the acquire timeout of " + acquireTimeout.toMillis()
                                + " ms: all " + max + " allowed connections are in use", e));
    }

    int max() {
        return max;
    }

    int inUse() {
        return permits.metrics().acquiredSize();
    }
}
