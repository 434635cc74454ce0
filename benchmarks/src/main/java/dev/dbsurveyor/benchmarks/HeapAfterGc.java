package dev.dbsurveyor.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live heap of a run: a daemon thread forces a full GC every {@code period} and keeps the
 * largest heap in use right after one. (Forcing GCs slows the run, so throughput is measured in
 * other runs.)
 */
final class HeapAfterGc implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;

    HeapAfterGc(java.time.Duration period) {
        sampler = new Thread(() -> {
            while (running.get()) {
                sample();
                java.util.concurrent.locks.LockSupport.parkNanos(period.toNanos());
            }
        }, "heap-after-gc");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        System.gc();
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }

    /** The largest heap in use after a GC while this ran, in bytes. */
    long peakBytes() {
        return peak.get();
    }

    @Override
    public void close() {
        running.set(false);
        sample();
    }
}
