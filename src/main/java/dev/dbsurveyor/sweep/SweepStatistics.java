package dev.dbsurveyor.sweep;

import java.util.Collections;
import java.util.PriorityQueue;

/**
 * Running figures of a sweep, updated as each outcome arrives: counts, and the average, maximum
 * and exact 95th percentile (nearest rank) of per-database durations, kept with two heaps so each
 * update costs O(log n). Thread-safe.
 */
final class SweepStatistics {

    private final long startedNanos;
    private final int total;
    /** The smallest 95 % of durations (largest on top) and the rest (smallest on top). */
    private final PriorityQueue<Long> lower = new PriorityQueue<>(Collections.reverseOrder());
    private final PriorityQueue<Long> upper = new PriorityQueue<>();
    private long sum;
    private long max;
    private int collected;
    private int failed;
    private int skipped;
    private int filtered;

    SweepStatistics(int total, long startedNanos) {
        this.total = total;
        this.startedNanos = startedNanos;
    }

    synchronized SweepProgress record(DatabaseOutcome outcome) {
        if (outcome instanceof DatabaseOutcome.Collected collectedOutcome) {
            collected++;
            add(collectedOutcome.duration().toMillis());
        } else if (outcome instanceof DatabaseOutcome.Failed failedOutcome) {
            failed++;
            add(failedOutcome.duration().toMillis());
        } else if (outcome instanceof DatabaseOutcome.Skipped) {
            skipped++;
        } else {
            filtered++;
        }
        return progress();
    }

    private void add(long millis) {
        sum += millis;
        max = Math.max(max, millis);
        if (lower.isEmpty() || millis <= lower.peek()) {
            lower.add(millis);
        } else {
            upper.add(millis);
        }
        int attempted = lower.size() + upper.size();
        int rank = (int) Math.ceil(0.95 * attempted);
        while (lower.size() > rank) {
            upper.add(lower.poll());
        }
        while (lower.size() < rank) {
            lower.add(upper.poll());
        }
    }

    synchronized SweepProgress progress() {
        int attempted = lower.size() + upper.size();
        double seconds = Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
        return new SweepProgress(collected + failed + skipped + filtered, total, collected, failed, skipped, filtered,
                attempted == 0 ? 0 : (double) sum / attempted, max, attempted == 0 ? 0 : lower.peek(), attempted / seconds);
    }
}
