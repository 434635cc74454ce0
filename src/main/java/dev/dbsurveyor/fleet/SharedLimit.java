package dev.dbsurveyor.fleet;

import dev.dbsurveyor.sweep.Admission;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One bound on databases in flight shared by the sweeps of many servers: work waits, without a
 * thread, first come first served, until one of {@code permits} is free. A permit is handed back
 * when its work completes, fails or is cancelled, also while it waits.
 */
public final class SharedLimit implements Admission {

    private final int permits;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private int inUse;
    private int mostInUse;

    public SharedLimit(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a limit needs at least one permit, not " + permits);
        }
        this.permits = permits;
    }

    @Override
    public <T> Mono<T> admit(Mono<T> work) {
        return Mono.usingWhen(acquire(), permit -> work, Permit::release, (permit, error) -> permit.release(), Permit::release);
    }

    /** The most permits ever held at once, for tests and metrics. */
    public synchronized int mostInUse() {
        return mostInUse;
    }

    private Mono<Permit> acquire() {
        return Mono.create(sink -> {
            Waiter waiter = new Waiter(sink, new Permit(this));
            boolean now;
            synchronized (this) {
                now = inUse < permits;
                if (now) {
                    take();
                } else {
                    waiting.addLast(waiter);
                }
            }
            sink.onCancel(() -> cancel(waiter));
            if (now) {
                sink.success(waiter.permit());
            }
        });
    }

    private void take() {
        inUse++;
        mostInUse = Math.max(mostInUse, inUse);
    }

    /** A waiter cancelled before its permit reached it gives it back; one still queued leaves the queue. */
    private void cancel(Waiter waiter) {
        boolean queued;
        synchronized (this) {
            queued = waiting.remove(waiter);
        }
        if (!queued) {
            waiter.permit().giveBack();
        }
    }

    private void release() {
        Waiter next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                inUse--;
                return;
            }
        }
        next.sink().success(next.permit());
    }

    private record Waiter(MonoSink<Permit> sink, Permit permit) {
    }

    /** One permit, handed back once however many ways its work ends. */
    private static final class Permit {
        private final SharedLimit limit;
        private final AtomicBoolean released = new AtomicBoolean();

        Permit(SharedLimit limit) {
            this.limit = limit;
        }

        Mono<Void> release() {
            return Mono.fromRunnable(this::giveBack);
        }

        void giveBack() {
            if (released.compareAndSet(false, true)) {
                limit.release();
            }
        }
    }
}
