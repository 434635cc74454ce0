package dev.dbsurveyor.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Prints on a thread of its own, so that whoever hands it text never waits for the terminal: a
 * sweep's events arrive on driver event loops, which must never block. Lines are kept, up to a
 * bound (beyond it they are counted and the count is printed); of the live status frames only the
 * latest is kept, at most {@link #FRAME_INTERVAL} apart. Handing text over takes no lock.
 */
final class BackgroundPrinter {

    /** Lines waiting beyond this many are dropped and counted. */
    static final int MAX_PENDING_LINES = 10_000;
    /** The shortest time between two status frames. */
    static final Duration FRAME_INTERVAL = Duration.ofMillis(100);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicReference<String> frame = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closing;
    /** Whether the last thing printed was a status frame, with no line break after it; the printer thread's own. */
    private boolean frameLast;

    BackgroundPrinter(PrintWriter out) {
        this.out = out;
        this.thread = new Thread(this::print, "dbsurveyor-printer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Prints {@code text} and a line break, after the lines handed over before it. */
    void line(String text) {
        if (pending.incrementAndGet() > MAX_PENDING_LINES) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        lines.add(text);
        LockSupport.unpark(thread);
    }

    /** Shows {@code text} as the status frame (no line break), replacing a frame not yet printed. */
    void frame(String text) {
        frame.set(text);
        LockSupport.unpark(thread);
    }

    /**
     * Prints what is still waiting and stops the thread; waits for it up to ten seconds (a terminal
     * that takes longer is left to the daemon thread, so that the command can still end).
     */
    void close() {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void print() {
        long lastFrame = System.nanoTime() - FRAME_INTERVAL.toNanos();
        while (true) {
            boolean last = closing;
            drainLines();
            long untilNextFrame = lastFrame + FRAME_INTERVAL.toNanos() - System.nanoTime();
            if (untilNextFrame <= 0 || last) {
                String status = frame.getAndSet(null);
                if (status != null) {
                    out.print(status);
                    frameLast = true;
                    lastFrame = System.nanoTime();
                    untilNextFrame = FRAME_INTERVAL.toNanos();
                }
            }
            if (last && frameLast) {
                out.println();
            }
            out.flush();
            if (last) {
                return;
            }
            LockSupport.parkNanos(this, frame.get() != null ? Math.max(untilNextFrame, 1) : TimeUnit.SECONDS.toNanos(1));
        }
    }

    private void drainLines() {
        for (String text = lines.poll(); text != null; text = lines.poll()) {
            pending.decrementAndGet();
            out.println(text);
            frameLast = false;
        }
        int lost = dropped.getAndSet(0);
        if (lost > 0) {
            out.println(lost + " more line(s) not shown: the terminal could not keep up");
        }
    }
}
