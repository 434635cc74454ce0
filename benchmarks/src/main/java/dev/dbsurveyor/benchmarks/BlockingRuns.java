package dev.dbsurveyor.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a blocking read per database on a fixed pool of as many threads as the concurrency. */
final class BlockingRuns {

    /** One database's read, on a pool thread. */
    interface Read {
        void read(String database) throws Exception;
    }

    private BlockingRuns() {
    }

    static ContenderRun run(String threadName, List<String> databases, int concurrency, Duration budget, Read read) throws Exception {
        long deadline = System.nanoTime() + budget.toNanos();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, threadName + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (String database : databases) {
                reads.add(pool.submit(() -> {
                    if (System.nanoTime() > deadline) {
                        return null;
                    }
                    long started = System.nanoTime();
                    try {
                        read.read(database);
                        latencies.add((System.nanoTime() - started) / 1e6);
                    } catch (Exception e) {
                        errors.add(database + ": " + e.getMessage());
                    }
                    return null;
                }));
            }
            for (Future<?> done : reads) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new ContenderRun(List.copyOf(latencies), errors.size(), errors.isEmpty() ? null : errors.get(0));
    }
}
