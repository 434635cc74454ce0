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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Gathers the databases asked for at about the same moment into batches that are read together:
 * a request waits at most {@code window} for others to join, and a batch holds at most
 * {@code maxBatch} databases. A sweep asks for up to its concurrency at once, so its databases are
 * read that many at a time in a fixed number of statements. When every request of a running batch
 * has been cancelled, the batch's read is cancelled too.
 */
final class CollectionBatches {

    private final int maxBatch;
    private final Duration window;
    private final Function<List<Request>, Mono<Void>> reader;
    private final Queue<Request> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    /**
     * @param reader reads a batch and completes or fails each of its requests; a request it leaves
     *               open fails when the read ends
     */
    CollectionBatches(int maxBatch, Duration window, Function<List<Request>, Mono<Void>> reader) {
        this.maxBatch = maxBatch;
        this.window = window;
        this.reader = reader;
    }

    Mono<DatabaseSchema> collect(String database, DatabaseRetries retries) {
        return Mono.create(sink -> {
            Request request = new Request(database, retries, sink);
            sink.onCancel(request::cancel);
            pending.add(request);
            if (drainScheduled.compareAndSet(false, true)) {
                Schedulers.parallel().schedule(this::drain, window.toNanos(), TimeUnit.NANOSECONDS);
            }
        });
    }

    private void drain() {
        drainScheduled.set(false);
        List<Request> batch = new ArrayList<>();
        for (Request request = pending.poll(); request != null; request = pending.poll()) {
            if (request.cancelled.get()) {
                continue;
            }
            batch.add(request);
            if (batch.size() == maxBatch) {
                start(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            start(batch);
        }
    }

    private void start(List<Request> requests) {
        Running running = new Running(List.copyOf(requests));
        requests.forEach(request -> request.joined(running));
        running.read.update(reader.apply(running.requests).subscribe(
                null,
                error -> running.requests.forEach(request -> request.fail(error)),
                () -> running.requests.forEach(request -> request.fail(
                        new IllegalStateException("The catalog read of " + request.database + " ended without a result")))));
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
