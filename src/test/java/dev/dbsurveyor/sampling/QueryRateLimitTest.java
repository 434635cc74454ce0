package dev.dbsurveyor.sampling;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryRateLimitTest {

    @Test
    void permitsComeOneIntervalApartStartingAfterTheFirstInterval() {
        StepVerifier.withVirtualTime(() -> {
                    QueryRateLimit limit = QueryRateLimit.perSecond(10, VirtualTimeScheduler.get());
                    return Flux.range(1, 3).flatMap(i -> limit.permit().thenReturn(i));
                })
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(1)
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(2)
                .thenAwait(Duration.ofMillis(100))
                .expectNext(3)
                .verifyComplete();
    }

    @Test
    void idleTimeIsNotSavedUpForABurst() {
        StepVerifier.withVirtualTime(() -> {
                    QueryRateLimit limit = QueryRateLimit.perSecond(10, VirtualTimeScheduler.get());
                    return limit.permit().then(reactor.core.publisher.Mono.delay(Duration.ofSeconds(5), VirtualTimeScheduler.get()))
                            .thenMany(Flux.range(1, 2).concatMap(i -> limit.permit().thenReturn(i)));
                })
                .expectSubscription()
                .thenAwait(Duration.ofMillis(5_100))
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(1)
                .thenAwait(Duration.ofMillis(100))
                .expectNext(2)
                .verifyComplete();
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> QueryRateLimit.perSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryRateLimit.perSecond(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
