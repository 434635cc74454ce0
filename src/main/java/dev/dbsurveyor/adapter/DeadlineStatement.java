package dev.dbsurveyor.adapter;

import dev.dbsurveyor.retry.ConnectionTimeoutException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A statement whose results must keep coming: when the server sends no next result for longer
 * than {@code replyDeadline}, the connection is taken as lost (a network that stalls never ends a
 * statement on its own, since the server's statement timeout cannot reach the client through it).
 * The connection is then closed under the waiting results, which makes the driver fail them and
 * let go of its socket (cancelling them first would leave the driver's close waiting on the
 * stalled exchange), and they fail with a {@link ConnectionTimeoutException}, which is retried.
 */
final class DeadlineStatement implements Statement {

    private final Statement delegate;
    private final Duration replyDeadline;
    private final Mono<Void> closeConnection;

    DeadlineStatement(Statement delegate, Duration replyDeadline, Mono<Void> closeConnection) {
        this.delegate = delegate;
        this.replyDeadline = replyDeadline;
        this.closeConnection = closeConnection;
    }

    @Override
    public Flux<Result> execute() {
        return Flux.defer(() -> {
            Watchdog watchdog = new Watchdog();
            return Flux.<Result>from(delegate.execute())
                    .doOnSubscribe(subscription -> watchdog.restart())
                    .doOnNext(result -> watchdog.restart())
                    .doFinally(signal -> watchdog.stop())
                    .onErrorMap(error -> watchdog.fired(), error -> new ConnectionTimeoutException("The server sent nothing for "
                            + replyDeadline.toMillis() + " ms (longer than any statement may run): the connection is taken as lost", error));
        });
    }

    /**
     * Closes the connection when no result came within the deadline; each result starts the wait
     * again. The close runs on its own: the results it fails stop the watchdog, and must not cut it short.
     */
    private final class Watchdog {

        private final Disposable.Swap timer = Disposables.swap();
        private final AtomicBoolean fired = new AtomicBoolean();

        void restart() {
            timer.update(Mono.delay(replyDeadline).subscribe(elapsed -> {
                fired.set(true);
                closeConnection.subscribe();
            }));
        }

        void stop() {
            timer.dispose();
        }

        boolean fired() {
            return fired.get();
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
