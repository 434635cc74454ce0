package dev.dbsurveyor.fleet;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The bound many servers' sweeps share: it holds, it is filled, and every way work ends hands its permit back. */
class SharedLimitTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void noMoreWorkRunsAtOnceThanThereArePermitsAndAllOfItRuns() {
        SharedLimit limit = new SharedLimit(4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        Long done = Flux.range(0, 50).flatMap(i -> limit.admit(Mono.defer(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            // Counted off before the end is signalled: the permit goes back, and the next work starts, on that signal.
            return Mono.delay(Duration.ofMillis(20)).doOnTerminate(running::decrementAndGet);
        })), 50).count().block(PATIENCE);

        assertThat(done).isEqualTo(50);
        assertThat(most.get()).isEqualTo(4);
        assertThat(limit.mostInUse()).isEqualTo(4);
    }

    @Test
    void failedWorkHandsItsPermitBack() {
        SharedLimit limit = new SharedLimit(1);

        StepVerifier.create(limit.admit(Mono.error(new IllegalStateException("failed")))).expectErrorMessage("failed").verify(PATIENCE);

        assertThat(limit.admit(Mono.just("next")).block(PATIENCE)).isEqualTo("next");
    }

    @Test
    void workCancelledWhileItWaitsLeavesTheQueueAndCancelledHoldersHandTheirPermitsBack() {
        SharedLimit limit = new SharedLimit(2);
        AtomicInteger started = new AtomicInteger();
        Disposable first = limit.admit(Mono.never()).subscribe();
        Disposable second = limit.admit(Mono.never()).subscribe();
        Disposable waiting = limit.admit(Mono.fromRunnable(started::incrementAndGet)).subscribe();

        waiting.dispose();
        first.dispose();
        second.dispose();

        assertThat(started.get()).as("the cancelled waiter never ran").isZero();
        assertThat(Flux.range(0, 2).flatMap(i -> limit.admit(Mono.delay(Duration.ofMillis(50)))).count().block(PATIENCE)).isEqualTo(2);
        assertThat(limit.mostInUse()).isEqualTo(2);
    }

    @Test
    void aWaiterIsAdmittedAsSoonAsAHolderEnds() {
        SharedLimit limit = new SharedLimit(1);
        Disposable holder = limit.admit(Mono.never()).subscribe();

        StepVerifier.create(limit.admit(Mono.just("admitted")))
                .then(holder::dispose)
                .expectNext("admitted").expectComplete().verify(PATIENCE);
    }
}
