package dev.dbsurveyor.testing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by asking it every 10 ms, at most {@code bound} long: no sleep loop in the tests. */
public final class BoundedPoll {

    private BoundedPoll() {
    }

    /** Whether {@code condition} held within {@code bound}. */
    public static boolean until(BooleanSupplier condition, Duration bound) {
        if (condition.getAsBoolean()) {
            return true;
        }
        // Asked on a thread that may block: a condition may read files or query a server.
        Boolean held = Flux.interval(Duration.ofMillis(10))
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(condition::getAsBoolean).subscribeOn(Schedulers.boundedElastic()))
                .filter(Boolean::booleanValue)
                .take(1)
                .take(bound)
                .blockFirst();
        return held != null;
    }
}
