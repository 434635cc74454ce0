package dev.dbsurveyor.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one contender's run takes from the JVM: the most threads it added at once (live threads
 * sampled every 10 ms, less those alive when the run started; the latency proxy's threads and the
 * probe's own left out) and the most heap in use right after a garbage collection (from the
 * collector's notifications, so nothing is forced).
 */
final class RunProbe implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicLong peakThreads = new AtomicLong();
    private final long threadsAtStart = liveThreads();
    private final AtomicLong peakHeapAfterGc = new AtomicLong();
    private final Thread sampler;
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
            peakHeapAfterGc.accumulateAndGet(used, Math::max);
        }
    };
    private volatile boolean running = true;

    RunProbe() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
        sampler = new Thread(() -> {
            while (running) {
                peakThreads.accumulateAndGet(liveThreads(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "load-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Live threads but the proxy's and the probe's. */
    static long liveThreads() {
        ThreadInfo[] infos = THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0);
        return Arrays.stream(infos)
                .filter(info -> info != null && !info.getThreadName().startsWith("delay-proxy") && !info.getThreadName().equals("load-probe"))
                .count();
    }

    /** The most threads alive at once beyond those alive at the start. */
    long peakThreadsAdded() {
        return Math.max(0, peakThreads.get() - threadsAtStart);
    }

    /** Bytes; 0 when no collection happened during the run. */
    long peakHeapAfterGc() {
        return peakHeapAfterGc.get();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // Never added to this collector.
            }
        }
    }
}
