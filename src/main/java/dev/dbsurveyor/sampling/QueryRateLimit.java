package dev.dbsurveyor.sampling;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spaces queries evenly at a rate shared by everything that asks, without holding a thread: a
 * permit is a delay on the scheduler's timer. Permits start empty and come one interval apart,
 * so in the first {@code T} seconds at most {@code T × rate} queries start, and {@code n} queries
 * take at least {@code n / rate} seconds. Idle time is not saved up for a burst.
 */
public final class QueryRateLimit {

    private final long intervalNanos;
    private final Scheduler scheduler;
    private final AtomicLong lastPermit = new AtomicLong(Long.MIN_VALUE);

    private QueryRateLimit(long intervalNanos, Scheduler scheduler) {
        this.intervalNanos = intervalNanos;
        this.scheduler = scheduler;
    }

    /** At most {@code queriesPerSecond} permits a second, timed on {@code scheduler} (a virtual one in tests). */
    public static QueryRateLimit perSecond(double queriesPerSecond, Scheduler scheduler) {
        if (!(queriesPerSecond > 0)) {
            throw new IllegalArgumentException("queries per second must be above 0: " + queriesPerSecond);
        }
        return new QueryRateLimit(Math.max(1, Math.round(1_000_000_000d / queriesPerSecond)), scheduler);
    }

    /** At most {@code queriesPerSecond} permits a second, timed on Reactor's parallel scheduler. */
    public static QueryRateLimit perSecond(double queriesPerSecond) {
        return perSecond(queriesPerSecond, Schedulers.parallel());
    }

    /** Completes when the caller may start one query; the slot is taken at subscription. */
    public Mono<Void> permit() {
        return Mono.defer(() -> {
            long now = scheduler.now(TimeUnit.NANOSECONDS);
            long slot = lastPermit.updateAndGet(last -> Math.max(last, now) + intervalNanos);
            return Mono.delay(Duration.ofNanos(slot - now), scheduler).then();
        });
    }
}
