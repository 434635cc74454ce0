package dev.dbsurveyor.adapter.postgres;

import java.time.Duration;

/** How often a catalog stage was retried, and the last delay before it. */
record StageRetry(int retries, Duration lastBackoff) {
}
