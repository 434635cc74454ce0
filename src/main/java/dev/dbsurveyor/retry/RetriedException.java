package dev.dbsurveyor.retry;

import java.time.Duration;

/**
 * A failure that was given up on, after {@code retries} retries; {@code lastBackoff} is the last
 * delay waited, or null when none was. The message is the cause's.
 */
public final class RetriedException extends RuntimeException {

    private final int retries;
    private final Duration lastBackoff;

    public RetriedException(Throwable cause, int retries, Duration lastBackoff) {
        super(cause.getMessage(), cause, false, false);
        this.retries = retries;
        this.lastBackoff = lastBackoff;
    }

    public int retries() {
        return retries;
    }

    /** The last delay waited before giving up, or null when nothing was retried. */
    public Duration lastBackoff() {
        return lastBackoff;
    }

    /** The original failure. */
    public Throwable failure() {
        return getCause();
    }

    /** How many retries {@code error} went through: its own count if it is a {@code RetriedException}, else 0. */
    public static int retriesOf(Throwable error) {
        return error instanceof RetriedException retried ? retried.retries() : 0;
    }
}
