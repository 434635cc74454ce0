package dev.dbsurveyor.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live heap of a sweep: at {@value #SAMPLES} points evenly spaced in its progress (every
 * 1/{@value #SAMPLES} of the databases done), a daemon thread forces a full GC and notes the heap
 * then in use; the peak is the largest. Sampling by progress, not by time, gives a small and a
 * large sweep the same number of samples at the same relative points, so that their peaks compare.
 * (Forcing GCs slows the sweep, so throughput is measured in other runs.)
 */
final class HeapAfterGc implements AutoCloseable {

    static final int SAMPLES = 40;

    private final AtomicLong peak = new AtomicLong();
    private final java.util.List<Long> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;

    HeapAfterGc(int total) {
        sampler = new Thread(() -> {
            int next = 1;
            while (running.get()) {
                if (done.get() >= (long) next * total / SAMPLES) {
                    sample();
                    next++;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            }
        }, "heap-after-gc");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Counts one database done. */
    void databaseDone() {
        done.incrementAndGet();
    }

    private void sample() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        samples.add(used);
        peak.accumulateAndGet(used, Math::max);
    }

    /** The largest heap in use after a GC while this ran, in bytes. */
    long peakBytes() {
        return peak.get();
    }

    /** How many samples were taken. */
    int samples() {
        return samples.size();
    }

    /** The median of the samples, in bytes: steadier than the peak, which one unlucky sample decides. */
    long medianBytes() {
        java.util.List<Long> sorted = samples.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    @Override
    public void close() {
        running.set(false);
    }
}
