package dev.dbsurveyor.retry;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry scheduling in virtual time: the exact attempts, and delays that never pass their caps. */
class DatabaseRetriesTest {

    private static final R2dbcNonTransientResourceException TOO_MANY_CONNECTIONS =
            new R2dbcNonTransientResourceException("sorry, too many clients already", "53300");

    @Test
    void aTransientFailureIsTriedFourTimesInAllWithDoublingJitteredDelays() {
        AtomicInteger subscriptions = new AtomicInteger();
        List<DatabaseRetries.Attempt> attempts = new ArrayList<>();
        DatabaseRetries retries = new DatabaseRetries(DefaultRetryPolicy.withRandom(new Random(7)), attempts::add);

        StepVerifier.withVirtualTime(() -> Mono.error(TOO_MANY_CONNECTIONS)
                        .doOnSubscribe(subscription -> subscriptions.incrementAndGet())
                        .retryWhen(retries.retry()))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(10))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(RetriedException.class).hasMessage("sorry, too many clients already");
                    assertThat(((RetriedException) error).retries()).isEqualTo(3);
                    assertThat(((RetriedException) error).lastBackoff()).isEqualTo(attempts.get(2).delay());
                })
                .verify();

        assertThat(subscriptions).hasValue(4);
        assertThat(attempts).extracting(DatabaseRetries.Attempt::retry).containsExactly(1, 2, 3);
        long[] nominal = {500, 1000, 2000};
        for (int i = 0; i < 3; i++) {
            long delay = attempts.get(i).delay().toMillis();
            assertThat(Math.abs(delay - nominal[i])).as("jitter of retry %d", i + 1).isBetween(100L, 300L);
        }
        assertThat(retries.spent()).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theDelaysArriveAtTheirTimesAndNotBefore() {
        DatabaseRetries retries = new DatabaseRetries(DefaultRetryPolicy.withRandom(new Random(1)));
        AtomicInteger subscriptions = new AtomicInteger();

        StepVerifier.withVirtualTime(() -> Mono.error(TOO_MANY_CONNECTIONS)
                        .doOnSubscribe(subscription -> subscriptions.incrementAndGet())
                        .retryWhen(retries.retry()))
                .expectSubscription()
                .then(() -> assertThat(subscriptions).hasValue(1))
                .thenAwait(Duration.ofMillis(199))
                .then(() -> assertThat(subscriptions).as("no retry before the shortest possible delay").hasValue(1))
                .thenAwait(Duration.ofSeconds(6))
                .expectError(RetriedException.class)
                .verify();
        assertThat(subscriptions).hasValue(4);
    }

    @Test
    void permissionErrorsAreNeverRetried() {
        AtomicInteger subscriptions = new AtomicInteger();
        DatabaseRetries retries = new DatabaseRetries(DefaultRetryPolicy.standard());

        StepVerifier.withVirtualTime(() -> Mono.error(new R2dbcPermissionDeniedException("permission denied for database x", "42501"))
                        .doOnSubscribe(subscription -> subscriptions.incrementAndGet())
                        .retryWhen(retries.retry()))
                .expectSubscription()
                .expectErrorSatisfies(error -> assertThat(RetriedException.retriesOf(error)).isZero())
                .verify();
        assertThat(subscriptions).hasValue(1);
    }

    @Test
    void noDelayPassesTheCapAndOneDatabaseNeverWaitsMoreThanFiveSecondsOverAllItsLevels() {
        for (int seed = 0; seed < 200; seed++) {
            DefaultRetryPolicy policy = DefaultRetryPolicy.withRandom(new Random(seed));
            for (int retry = 1; retry <= 10; retry++) {
                assertThat(policy.backoff(retry)).isLessThanOrEqualTo(DefaultRetryPolicy.MAX_DELAY);
            }
            DatabaseRetries retries = new DatabaseRetries(policy);
            Duration total = Duration.ZERO;
            for (int level = 0; level < 3; level++) {
                for (int retry = 1; retry <= 3; retry++) {
                    total = total.plus(retries.next(TOO_MANY_CONNECTIONS, retry).orElse(Duration.ZERO));
                }
            }
            assertThat(total).isLessThanOrEqualTo(Duration.ofSeconds(5)).isEqualTo(retries.spent());
        }
    }

    @Test
    void aPolicyThatNeverRetriesGivesUpAtOnce() {
        assertThat(DatabaseRetries.none().next(TOO_MANY_CONNECTIONS, 1)).isEmpty();
    }
}
