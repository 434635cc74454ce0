package dev.dbsurveyor.retry;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The retries of one database: its policy and what is left of its delay budget, shared by every
 * level that retries (the whole database and each stage), so that one database never waits more
 * than the policy's total. Thread-safe; one instance per database collection.
 */
public final class DatabaseRetries {

    /** One retry about to happen: the error, which retry it is (from 1) and the delay before it. */
    public record Attempt(Throwable error, int retry, Duration delay) {
    }

    private final RetryPolicy policy;
    private final Consumer<Attempt> onRetry;
    private Duration spent = Duration.ZERO;

    /** @param onRetry told of each retry before its delay; it must return at once and never block */
    public DatabaseRetries(RetryPolicy policy, Consumer<Attempt> onRetry) {
        this.policy = policy;
        this.onRetry = onRetry;
    }

    public DatabaseRetries(RetryPolicy policy) {
        this(policy, attempt -> { });
    }

    /** No retries at all. */
    public static DatabaseRetries none() {
        return new DatabaseRetries(RetryPolicy.none());
    }

    /** Reports a retry that is about to happen (for retries scheduled outside {@link #retry()}). */
    public void report(Attempt attempt) {
        onRetry.accept(attempt);
    }

    /**
     * The delay before retry number {@code retry} of {@code error}, charged to the budget; empty
     * when the policy says no or the budget is used up. A delay is cut to what the budget has left.
     */
    public synchronized Optional<Duration> next(Throwable error, int retry) {
        if (!policy.shouldRetry(ErrorClassifier.classify(error), retry)) {
            return Optional.empty();
        }
        Duration left = policy.totalBackoffLimit().minus(spent);
        if (left.isNegative() || left.isZero()) {
            return Optional.empty();
        }
        Duration delay = policy.backoff(retry);
        if (delay.compareTo(left) > 0) {
            delay = left;
        }
        spent = spent.plus(delay);
        return Optional.of(delay);
    }

    /** What the delays of this database have added up to so far. */
    public synchronized Duration spent() {
        return spent;
    }

    /**
     * A Reactor {@link Retry} on this budget. Each retry is reported before its delay; when the policy gives up, the error becomes a {@link RetriedException} that says how
     * many retries there were and the last delay. Delays run on Reactor's parallel scheduler, so
     * virtual time replaces them in tests.
     */
    public Retry retry() {
        AtomicReference<Duration> lastDelay = new AtomicReference<>();
        return Retry.from(signals -> signals.concatMap(signal -> {
            int retry = (int) signal.totalRetries() + 1;
            Throwable failure = signal.failure();
            Optional<Duration> delay = next(failure, retry);
            if (delay.isEmpty()) {
                return Mono.error(new RetriedException(failure, retry - 1, lastDelay.get()));
            }
            lastDelay.set(delay.get());
            report(new Attempt(failure, retry, delay.get()));
            return Mono.delay(delay.get());
        }));
    }
}
