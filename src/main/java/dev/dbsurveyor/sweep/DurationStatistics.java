package dev.dbsurveyor.sweep;

import java.util.Collections;
import java.util.PriorityQueue;

/**
 * Running figures of per-database durations: count, average, maximum and the exact 95th percentile
 * (nearest rank), kept with two heaps so that each added duration costs O(log n) and every figure
 * can be read at any time. Not thread-safe: {@link SweepTally} guards it.
 */
final class DurationStatistics {

    /** The smallest 95 % of durations (largest on top) and the rest (smallest on top). */
    private final PriorityQueue<Long> lower = new PriorityQueue<>(Collections.reverseOrder());
    private final PriorityQueue<Long> upper = new PriorityQueue<>();
    private long sum;
    private long max;

    void add(long millis) {
        sum += millis;
        max = Math.max(max, millis);
        if (lower.isEmpty() || millis <= lower.peek()) {
            lower.add(millis);
        } else {
            upper.add(millis);
        }
        int rank = (int) Math.ceil(0.95 * count());
        while (lower.size() > rank) {
            upper.add(lower.poll());
        }
        while (lower.size() < rank) {
            lower.add(upper.poll());
        }
    }

    int count() {
        return lower.size() + upper.size();
    }

    /** The average in milliseconds; 0 before the first duration. */
    double average() {
        return count() == 0 ? 0 : (double) sum / count();
    }

    /** The longest in milliseconds; 0 before the first duration. */
    long max() {
        return max;
    }

    /** The 95th percentile by nearest rank, in milliseconds; 0 before the first duration. */
    long p95() {
        return lower.isEmpty() ? 0 : lower.peek();
    }
}
