package dev.dbsurveyor.retry;

import java.time.Duration;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * The default retry policy: up to 3 retries of transient errors (timeouts, dropped or refused
 * connections, too many connections, server shutdown, serialization failures), never of
 * permission, missing-object or invalid-data errors. Delays start at 500 ms and double, each moved
 * by a random 100–300 ms either way, each at most 5000 ms; one database's delays add up to at most 5 s.
 */
public final class DefaultRetryPolicy implements RetryPolicy {

    public static final int MAX_RETRIES = 3;
    public static final Duration BASE_DELAY = Duration.ofMillis(500);
    public static final Duration MAX_DELAY = Duration.ofMillis(5000);
    public static final Duration TOTAL_LIMIT = Duration.ofSeconds(5);
    public static final int JITTER_MIN_MS = 100;
    public static final int JITTER_MAX_MS = 300;

    private final IntUnaryOperator random;

    private DefaultRetryPolicy(IntUnaryOperator random) {
        this.random = random;
    }

    /** The policy with a random jitter. */
    public static DefaultRetryPolicy standard() {
        Random random = new Random();
        return new DefaultRetryPolicy(bound -> {
            synchronized (random) {
                return random.nextInt(bound);
            }
        });
    }

    /** The policy drawing its jitter from {@code random} (for reproducible tests). */
    public static DefaultRetryPolicy withRandom(Random random) {
        return new DefaultRetryPolicy(random::nextInt);
    }

    @Override
    public boolean shouldRetry(ErrorClassification error, int retry) {
        return error.transientError() && retry <= MAX_RETRIES;
    }

    @Override
    public Duration backoff(int retry) {
        long nominal = BASE_DELAY.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        int magnitude = JITTER_MIN_MS + random.applyAsInt(JITTER_MAX_MS - JITTER_MIN_MS + 1);
        long jitter = random.applyAsInt(2) == 0 ? magnitude : -magnitude;
        return Duration.ofMillis(Math.max(0, Math.min(MAX_DELAY.toMillis(), nominal + jitter)));
    }

    @Override
    public Duration totalBackoffLimit() {
        return TOTAL_LIMIT;
    }
}
