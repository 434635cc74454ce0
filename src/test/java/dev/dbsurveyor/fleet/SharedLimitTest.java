package dev.dbsurveyor.fleet;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static Disposable hold(SharedLimit limit, AtomicInteger started) {
        return limit.admit(Mono.defer(() -> {
            started.incrementAndGet();
            return Mono.never();
        })).subscribe();
    }

    @Test
    void cancelledRunningWorkHandsItsPermitToTheNextInLine() {
        SharedLimit limit = new SharedLimit(2);
        AtomicInteger started = new AtomicInteger();
        Disposable first = hold(limit, started);
        Disposable second = hold(limit, started);
        Disposable third = hold(limit, started);
        assertThat(started.get()).isEqualTo(2);

        first.dispose();

        assertThat(started.get()).as("the waiter starts as the cancelled holder ends").isEqualTo(3);
        second.dispose();
        third.dispose();
        AtomicInteger afterwards = new AtomicInteger();
        List<Disposable> fresh = List.of(hold(limit, afterwards), hold(limit, afterwards), hold(limit, afterwards));
        assertThat(afterwards.get()).as("every permit back, and none twice").isEqualTo(2);
        fresh.forEach(Disposable::dispose);
        assertThat(limit.mostInUse()).isEqualTo(2);
    }

    @Test
    void waitersCancelledInTheQueueTakeNoPermitWithThem() {
        SharedLimit limit = new SharedLimit(2);
        AtomicInteger started = new AtomicInteger();
        List<Disposable> holders = List.of(hold(limit, started), hold(limit, started));
        List<Disposable> waiters = IntStream.range(0, 5).mapToObj(i -> hold(limit, started)).toList();

        waiters.forEach(Disposable::dispose);
        holders.forEach(Disposable::dispose);

        assertThat(started.get()).isEqualTo(2);
        AtomicInteger afterwards = new AtomicInteger();
        List<Disposable> fresh = IntStream.range(0, 3).mapToObj(i -> hold(limit, afterwards)).toList();
        assertThat(afterwards.get()).isEqualTo(2);
        fresh.forEach(Disposable::dispose);
    }

    @Test
    void failedWorkHandsItsPermitBackOnlyOnce() {
        SharedLimit limit = new SharedLimit(1);
        assertThatThrownBy(() -> limit.admit(Mono.error(new IllegalStateException("failed"))).block(PATIENCE))
                .isInstanceOf(IllegalStateException.class);
        AtomicInteger started = new AtomicInteger();

        List<Disposable> next = List.of(hold(limit, started), hold(limit, started));

        assertThat(started.get()).isEqualTo(1);
        next.forEach(Disposable::dispose);
    }

    @Test
    void waitersAreAdmittedFirstComeFirstServed() {
        SharedLimit limit = new SharedLimit(1);
        Disposable holder = limit.admit(Mono.never()).subscribe();
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            int index = i;
            limit.admit(Mono.fromRunnable(() -> order.add(index))).subscribe();
        }
        assertThat(order).isEmpty();

        holder.dispose();

        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(limit.mostInUse()).isEqualTo(1);
    }

    @Test
    void aLimitHasAtLeastOnePermit() {
        assertThatThrownBy(() -> new SharedLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
