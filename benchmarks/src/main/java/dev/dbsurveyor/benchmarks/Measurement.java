package dev.dbsurveyor.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** One timed run: wall time, the statements it sent, the objects it read, and the peak heap while it ran. */
record Measurement(Duration wall, int statements, long objects, long peakHeapBytes) {

    /** Times {@code run}, which returns how many objects it read. */
    static Measurement of(Callable<Long> run, int statements) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        long objects = run.call();
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measurement(wall, statements, objects, peak);
    }
}
