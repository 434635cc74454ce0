package dev.dbsurveyor.adapter;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection that gives its {@link ConnectionBudget} permit back when it is closed, once. A
 * close that does not finish within {@code closeTimeout} gives the permit back all the same, so
 * that a stuck socket cannot hold a permit for ever. When the server stays silent for longer than
 * {@code replyDeadline}, its statements fail and it is lost: it starts closing and no longer
 * validates, so that a pool drops it (see {@link DeadlineStatement}).
 */
final class BudgetedConnection implements Connection, Wrapped<Connection> {

    private final Connection delegate;
    private final HeldPermit permit;
    private final Duration closeTimeout;
    private final Duration replyDeadline;
    private final AtomicBoolean lost = new AtomicBoolean();

    BudgetedConnection(Connection delegate, HeldPermit permit, Duration closeTimeout, Duration replyDeadline) {
        this.delegate = delegate;
        this.permit = permit;
        this.closeTimeout = closeTimeout;
        this.replyDeadline = replyDeadline;
    }

    @Override
    public Publisher<Void> close() {
        return lost.get() ? Mono.empty() : closeAndRelease();
    }

    private Mono<Void> closeAndRelease() {
        return Mono.from(delegate.close())
                .timeout(closeTimeout)
                .onErrorResume(error -> Mono.empty())
                .then(permit.release());
    }

    @Override
    public Connection unwrap() {
        return delegate;
    }

    @Override
    public Publisher<Void> beginTransaction() {
        return delegate.beginTransaction();
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
        return delegate.beginTransaction(definition);
    }

    @Override
    public Publisher<Void> commitTransaction() {
        return delegate.commitTransaction();
    }

    @Override
    public Batch createBatch() {
        return delegate.createBatch();
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
        return delegate.createSavepoint(name);
    }

    @Override
    public Statement createStatement(String sql) {
        return new DeadlineStatement(delegate.createStatement(sql), replyDeadline, this::giveUp, lost::get);
    }

    /**
     * Marks the connection lost and starts closing it. A close may wait on the silent server until
     * the close timeout, so nobody waits for it (a later {@link #close} returns at once); the permit
     * comes back when it ends.
     */
    private void giveUp() {
        if (lost.compareAndSet(false, true)) {
            closeAndRelease().subscribe();
        }
    }

    @Override
    public boolean isAutoCommit() {
        return delegate.isAutoCommit();
    }

    @Override
    public ConnectionMetadata getMetadata() {
        return delegate.getMetadata();
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return delegate.getTransactionIsolationLevel();
    }

    @Override
    public Publisher<Void> releaseSavepoint(String name) {
        return delegate.releaseSavepoint(name);
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
        return delegate.rollbackTransaction();
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
        return delegate.rollbackTransactionToSavepoint(name);
    }

    @Override
    public Publisher<Void> setAutoCommit(boolean autoCommit) {
        return delegate.setAutoCommit(autoCommit);
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
        return delegate.setLockWaitTimeout(timeout);
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
        return delegate.setStatementTimeout(timeout);
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
        return delegate.setTransactionIsolationLevel(level);
    }

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
        return lost.get() ? Mono.just(false) : delegate.validate(depth);
    }
}
