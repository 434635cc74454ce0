package dev.dbsurveyor.adapter;

import dev.dbsurveyor.retry.ConnectionTimeoutException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A statement whose results must keep coming: when the server sends no next result for longer
 * than {@code replyDeadline}, the connection is taken as lost (a network that stalls never ends a
 * statement on its own, since the server's statement timeout cannot reach the client through it).
 * The connection is then given up: marked lost, so that no pool hands it out again, and closed
 * under the waiting results (with the PostgreSQL driver, closing before cancelling them is what
 * lets go of the socket), and the results fail with a {@link ConnectionTimeoutException}, which is retried.
 */
final class DeadlineStatement implements Statement {

    private final Statement delegate;
    private final Duration replyDeadline;
    private final Runnable giveUpConnection;
    private final BooleanSupplier connectionLost;

    /**
     * @param giveUpConnection marks the connection lost and starts closing it, without waiting for the close
     * @param connectionLost   whether the connection was given up already (its statements then fail at once)
     */
    DeadlineStatement(Statement delegate, Duration replyDeadline, Runnable giveUpConnection, BooleanSupplier connectionLost) {
        this.delegate = delegate;
        this.replyDeadline = replyDeadline;
        this.giveUpConnection = giveUpConnection;
        this.connectionLost = connectionLost;
    }

    @Override
    public Flux<Result> execute() {
        return Flux.defer(() -> {
            Watchdog watchdog = new Watchdog();
            if (connectionLost.getAsBoolean()) {
                return Flux.error(watchdog.lost(null));
            }
            return Flux.<Result>from(delegate.execute())
                    .doOnSubscribe(subscription -> watchdog.restart())
                    .doOnNext(result -> watchdog.restart())
                    // A driver whose results do not fail when their connection closes (or whose close waits
                    // on the silent server) is let go of once the close has begun.
                    .takeUntilOther(watchdog.closed())
                    .concatWith(Mono.defer(() -> watchdog.fired() ? Mono.error(watchdog.lost(null)) : Mono.empty()))
                    .doFinally(signal -> watchdog.stop())
                    .onErrorMap(error -> watchdog.fired() && !(error instanceof ConnectionTimeoutException), watchdog::lost);
        });
    }

    /**
     * Gives the connection up when no result came within the deadline; each result starts the wait
     * again. The close runs on its own: the results it fails stop the watchdog, and must not cut it short.
     */
    private final class Watchdog {

        private final Disposable.Swap timer = Disposables.swap();
        private final AtomicBoolean fired = new AtomicBoolean();
        private final Sinks.Empty<Void> closed = Sinks.empty();

        void restart() {
            timer.update(Mono.delay(replyDeadline).subscribe(elapsed -> {
                fired.set(true);
                giveUpConnection.run();
                closed.tryEmitEmpty();
            }));
        }

        void stop() {
            timer.dispose();
        }

        boolean fired() {
            return fired.get();
        }

        /** Completes once the connection was given up for its silence. */
        Mono<Void> closed() {
            return closed.asMono();
        }

        ConnectionTimeoutException lost(Throwable cause) {
            return new ConnectionTimeoutException("The server sent nothing for " + replyDeadline.toMillis()
                    + " ms (longer than any statement may run): the connection is taken as lost", cause);
        }
    }

    @Override
    public Statement add() {
        delegate.add();
        return this;
    }

    @Override
    public Statement bind(int index, Object value) {
        delegate.bind(index, value);
        return this;
    }

    @Override
    public Statement bind(String name, Object value) {
        delegate.bind(name, value);
        return this;
    }

    @Override
    public Statement bindNull(int index, Class<?> type) {
        delegate.bindNull(index, type);
        return this;
    }

    @Override
    public Statement bindNull(String name, Class<?> type) {
        delegate.bindNull(name, type);
        return this;
    }

    @Override
    public Statement fetchSize(int rows) {
        delegate.fetchSize(rows);
        return this;
    }

    @Override
    public Statement returnGeneratedValues(String... columns) {
        delegate.returnGeneratedValues(columns);
        return this;
    }
}
