package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.config.ConnectionConfig;

import java.time.Duration;

/** The statement and lock timeouts of collector sessions. */
record SessionLimits(Duration statementTimeout, Duration lockTimeout) {

    /** Lock waits end sooner than statements: a collector must not queue behind DDL, nor make DDL queue behind it. */
    private static final Duration LONGEST_LOCK_WAIT = Duration.ofSeconds(5);

    static SessionLimits of(ConnectionConfig config) {
        Duration statement = config.statementTimeout();
        return new SessionLimits(statement, statement.compareTo(LONGEST_LOCK_WAIT) < 0 ? statement : LONGEST_LOCK_WAIT);
    }
}
