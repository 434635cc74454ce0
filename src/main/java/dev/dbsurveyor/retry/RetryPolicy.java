package dev.dbsurveyor.retry;

import java.time.Duration;

/**
 * Decides whether a failure is tried again and how long to wait first. A sweep applies it to a
 * whole database (connecting, reading its catalog) and to each collection stage; the delays of one
 * database share one budget of {@link #totalBackoffLimit()}.
 */
public interface RetryPolicy {

    /** Whether to try again after {@code error}; {@code retry} counts from 1 for the first retry. */
    boolean shouldRetry(ErrorClassification error, int retry);

    /** The delay before retry number {@code retry} (from 1), before the budget is applied. */
    Duration backoff(int retry);

    /** The most that all delays of one database may add up to. */
    Duration totalBackoffLimit();

    /** A policy that never retries. */
    static RetryPolicy none() {
        return NoRetry.INSTANCE;
    }

    /** Never retries. */
    enum NoRetry implements RetryPolicy {
        INSTANCE;

        @Override
        public boolean shouldRetry(ErrorClassification error, int retry) {
            return false;
        }

        @Override
        public Duration backoff(int retry) {
            return Duration.ZERO;
        }

        @Override
        public Duration totalBackoffLimit() {
            return Duration.ZERO;
        }
    }
}
