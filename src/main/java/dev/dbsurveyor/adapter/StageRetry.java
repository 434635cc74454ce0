package dev.dbsurveyor.adapter;

import java.time.Duration;

/** How often a catalog stage was retried, and the last delay before it. */
public record StageRetry(int retries, Duration lastBackoff) {

    /** A stage that was not retried. */
    public static final StageRetry NONE = new StageRetry(0, null);
}
