package dev.dbsurveyor.adapter;

import reactor.core.publisher.Mono;
import reactor.pool.PooledRef;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ConnectionBudget} permit held for one connection. It can be given back from several
 * places (the connection's close, a cancelled or timed-out opening) that may race; only the first
 * gives it back.
 */
final class HeldPermit {

    private final PooledRef<ConnectionBudget.Permit> permit;
    private final AtomicBoolean released = new AtomicBoolean();

    HeldPermit(PooledRef<ConnectionBudget.Permit> permit) {
        this.permit = permit;
    }

    Mono<Void> release() {
        return Mono.defer(() -> released.compareAndSet(false, true) ? permit.release() : Mono.empty());
    }
}
