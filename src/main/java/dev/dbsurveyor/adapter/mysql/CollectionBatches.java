package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.retry.DatabaseRetries;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Gathers the databases asked for at about the same moment into batches that are read together,
 * as a database's group commit does: a request waits {@code window} for others to join, at most
 * {@code parallelBatches} batches are read at once (each on its own connection), and databases
 * asked for while all of them run wait for one to end and join the next. Under load batches grow
 * (up to {@code maxBatch} databases); a lone request is read at once. When every request of a
 * running batch has been cancelled, the batch's read is cancelled too.
 */
final class CollectionBatches {

    private final int minBatch;
    private final int maxBatch;
    private final int parallelBatches;
    private final Duration window;
    private final Function<List<Request>, Mono<Void>> reader;
    private final Deque<Request> pending = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** Batches started and not yet ended; guarded by this. */
    private int running;

    /**
     * @param minBatch        how many databases a batch takes, when that many are waiting, before another batch is started
     * @param maxBatch        the most databases one batch reads
     * @param parallelBatches how many batches are read at once
     * @param reader reads a batch and completes or fails each of its requests; a request it leaves
     *               open fails when the read ends
     */
    CollectionBatches(int minBatch, int maxBatch, int parallelBatches, Duration window, Function<List<Request>, Mono<Void>> reader) {
        this.minBatch = minBatch;
        this.maxBatch = maxBatch;
        this.parallelBatches = parallelBatches;
        this.window = window;
        this.reader = reader;
    }

    Mono<DatabaseSchema> collect(String database, DatabaseRetries retries) {
        return Mono.create(sink -> {
            Request request = new Request(database, retries, sink);
            sink.onCancel(request::cancel);
            pending.add(request);
            scheduleDrain();
        });
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            Schedulers.parallel().schedule(this::drain, window.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Starts batches while fewer than {@code parallelBatches} run, sharing the databases waiting
     * among the free ones (at least {@code minBatch} a batch, so that a few databases asked for
     * together share one); what does not fit waits for a batch to end, and joins the next. Batches
     * are chosen under the lock and started outside it.
     */
    private void drain() {
        drainScheduled.set(false);
        List<List<Request>> batches = new ArrayList<>();
        synchronized (this) {
            List<Request> waiting = new ArrayList<>();
            for (Request request = pending.poll(); request != null; request = pending.poll()) {
                if (!request.cancelled.get()) {
                    waiting.add(request);
                }
            }
            int from = 0;
            while (from < waiting.size() && running < parallelBatches) {
                int left = waiting.size() - from;
                int fair = (left + parallelBatches - running - 1) / (parallelBatches - running);
                int size = Math.min(left, Math.min(maxBatch, Math.max(minBatch, fair)));
                batches.add(List.copyOf(waiting.subList(from, from + size)));
                running++;
                from += size;
            }
            for (int i = waiting.size() - 1; i >= from; i--) {
                pending.addFirst(waiting.get(i));
            }
        }
        batches.forEach(this::start);
    }

    private void start(List<Request> requests) {
        Running batch = new Running(requests);
        requests.forEach(request -> request.joined(batch));
        try {
            batch.read.update(reader.apply(requests)
                    .doFinally(signal -> ended())
                    .subscribe(
                            null,
                            error -> requests.forEach(request -> request.fail(error)),
                            () -> requests.forEach(request -> request.fail(
                                    new IllegalStateException("The catalog read of " + request.database + " ended without a result")))));
        } catch (RuntimeException e) {
            requests.forEach(request -> request.fail(e));
            ended();
        }
    }

    private void ended() {
        synchronized (this) {
            running--;
        }
        if (!pending.isEmpty()) {
            scheduleDrain();
        }
    }

    /** A batch being read: its requests and the subscription to its read. */
    private static final class Running {
        private final List<Request> requests;
        private final Disposable.Swap read = Disposables.swap();

        Running(List<Request> requests) {
            this.requests = requests;
        }

        void requestCancelled() {
            if (requests.stream().allMatch(request -> request.cancelled.get())) {
                read.dispose();
            }
        }
    }

    /** One database asked for; completed or failed once, whichever comes first. */
    static final class Request {
        private final String database;
        private final DatabaseRetries retries;
        private final MonoSink<DatabaseSchema> sink;
        private final long startedNanos = System.nanoTime();
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile Running batch;

        private Request(String database, DatabaseRetries retries, MonoSink<DatabaseSchema> sink) {
            this.database = database;
            this.retries = retries;
            this.sink = sink;
        }

        String database() {
            return database;
        }

        DatabaseRetries retries() {
            return retries;
        }

        /** Since the database was asked for. */
        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startedNanos);
        }

        void complete(DatabaseSchema schema) {
            if (done.compareAndSet(false, true)) {
                sink.success(schema);
            }
        }

        void fail(Throwable error) {
            if (done.compareAndSet(false, true)) {
                sink.error(error);
            }
        }

        private void joined(Running running) {
            batch = running;
            if (cancelled.get()) {
                running.requestCancelled();
            }
        }

        private void cancel() {
            cancelled.set(true);
            Running running = batch;
            if (running != null) {
                running.requestCancelled();
            }
        }
    }
}
