package dev.dbsurveyor.config;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Connection settings of a sweep, the same for every database of a server. Built with
 * {@link #builder()}, whose methods each reject a bad value at once, or read from
 * {@code DBSURVEYOR_*} variables with {@link #fromEnv(Environment)}; a flag given on the command
 * line is applied on top with {@link #toBuilder()}.
 *
 * @param maxConnections     most server connections open at once, pooled or not; default 10, at least 1
 * @param minIdleConnections pooled connections kept open while idle; default 2, from 0 to fewer than maxConnections
 *                           (idle pooled connections count against maxConnections)
 * @param connectTimeout     limit on opening one connection (TCP, TLS and authentication); default 30 s
 * @param acquireTimeout     limit on waiting for a connection when all are in use; default 30 s
 * @param idleTimeout        an idle pooled connection above minIdleConnections is closed after this; default 600 s
 * @param maxLifetime        a pooled connection is replaced after this; default 3600 s
 * @param statementTimeout   limit on one statement on the server; default 30 s
 */
public record ConnectionConfig(
        int maxConnections,
        int minIdleConnections,
        Duration connectTimeout,
        Duration acquireTimeout,
        Duration idleTimeout,
        Duration maxLifetime,
        Duration statementTimeout) {

    /** Longest accepted duration of any timeout: one day. */
    public static final Duration LONGEST_TIMEOUT = Duration.ofDays(1);

    /**
     * Fewest connections a sweep of a whole server works with: the connection kept for the
     * server's own questions (enumeration, server information) stays pooled while a database
     * waits for one of its own.
     */
    public static final int FEWEST_SWEEP_CONNECTIONS = 2;

    /** Why a sweep refuses fewer connections, as the user reads it. */
    public static final String SWEEP_CONNECTIONS_NEEDED = "a sweep of a whole server needs at least " + FEWEST_SWEEP_CONNECTIONS
            + " connections (one for the server's own questions, one for a database): raise --max-connections";

    /** Most connections a sweep may be configured to open. */
    public static final int MOST_CONNECTIONS = 10_000;

    public ConnectionConfig {
        checkCount("max connections", maxConnections, 1, MOST_CONNECTIONS);
        checkCount("min idle connections", minIdleConnections, 0, MOST_CONNECTIONS);
        if (minIdleConnections >= maxConnections && minIdleConnections > 0) {
            throw new ConfigurationException("min idle connections (" + minIdleConnections
                    + ") must be fewer than max connections (" + maxConnections + "), so that a connection is left for reading databases");
        }
        checkTimeout("connect timeout", connectTimeout);
        checkTimeout("acquire timeout", acquireTimeout);
        checkTimeout("idle timeout", idleTimeout);
        checkTimeout("max lifetime", maxLifetime);
        checkTimeout("statement timeout", statementTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: 10 connections, 2 idle, 30 s to connect, acquire and run a statement, 600 s idle, 3600 s lifetime. */
    public static ConnectionConfig defaults() {
        return builder().build();
    }

    /**
     * The defaults overridden by {@code DBSURVEYOR_MAX_CONNECTIONS}, {@code DBSURVEYOR_MIN_IDLE_CONNECTIONS},
     * {@code DBSURVEYOR_CONNECT_TIMEOUT_SECS}, {@code DBSURVEYOR_ACQUIRE_TIMEOUT_SECS},
     * {@code DBSURVEYOR_IDLE_TIMEOUT_SECS}, {@code DBSURVEYOR_MAX_LIFETIME_SECS} and
     * {@code DBSURVEYOR_STATEMENT_TIMEOUT_SECS} where set.
     *
     * @throws ConfigurationException naming the variable when a value does not parse or is out of range
     */
    public static ConnectionConfig fromEnv(Environment environment) {
        Builder builder = builder();
        apply(environment, "DBSURVEYOR_MAX_CONNECTIONS", builder, Builder::maxConnections);
        apply(environment, "DBSURVEYOR_MIN_IDLE_CONNECTIONS", builder, Builder::minIdleConnections);
        applySeconds(environment, "DBSURVEYOR_CONNECT_TIMEOUT_SECS", builder, Builder::connectTimeout);
        applySeconds(environment, "DBSURVEYOR_ACQUIRE_TIMEOUT_SECS", builder, Builder::acquireTimeout);
        applySeconds(environment, "DBSURVEYOR_IDLE_TIMEOUT_SECS", builder, Builder::idleTimeout);
        applySeconds(environment, "DBSURVEYOR_MAX_LIFETIME_SECS", builder, Builder::maxLifetime);
        applySeconds(environment, "DBSURVEYOR_STATEMENT_TIMEOUT_SECS", builder, Builder::statementTimeout);
        try {
            return builder.build();
        } catch (ConfigurationException e) {
            throw new ConfigurationException("DBSURVEYOR_MIN_IDLE_CONNECTIONS and DBSURVEYOR_MAX_CONNECTIONS: " + e.getMessage());
        }
    }

    public Builder toBuilder() {
        return builder()
                .maxConnections(maxConnections)
                .minIdleConnections(minIdleConnections)
                .connectTimeout(connectTimeout)
                .acquireTimeout(acquireTimeout)
                .idleTimeout(idleTimeout)
                .maxLifetime(maxLifetime)
                .statementTimeout(statementTimeout);
    }

    private static void apply(Environment environment, String variable, Builder builder, BiConsumer<Builder, Integer> setter) {
        // A setting that is set but empty is a mistake to report, not a default to fall back to.
        environment.setting(variable).ifPresent(value -> {
            int number = parseWholeNumber(variable, value);
            try {
                setter.accept(builder, number);
            } catch (ConfigurationException e) {
                throw new ConfigurationException(variable + ": " + e.getMessage());
            }
        });
    }

    private static void applySeconds(Environment environment, String variable, Builder builder, BiConsumer<Builder, Duration> setter) {
        apply(environment, variable, builder, (b, seconds) -> setter.accept(b, Duration.ofSeconds(seconds)));
    }

    private static int parseWholeNumber(String variable, String value) {
        String trimmed = value.trim();
        if (!trimmed.matches("[+-]?\\d{1,9}")) {
            throw new ConfigurationException(variable + ": '" + value + "' is not a whole number");
        }
        return Integer.parseInt(trimmed);
    }

    private static void checkCount(String option, int value, int least, int most) {
        if (value < least || value > most) {
            throw new ConfigurationException(option + " must be between " + least + " and " + most + ", not " + value);
        }
    }

    private static void checkTimeout(String option, Duration value) {
        if (value == null) {
            throw new ConfigurationException(option + " is required");
        }
        if (value.isNegative() || value.isZero() || value.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new ConfigurationException(option + " must be more than 0 s and at most 86400 s, not " + value.toSeconds() + " s");
        }
    }

    /** Collects settings; every method checks its argument at once. */
    public static final class Builder {
        private int maxConnections = 10;
        private int minIdleConnections = 2;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration acquireTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(600);
        private Duration maxLifetime = Duration.ofSeconds(3600);
        private Duration statementTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Most server connections open at once; 1 to 10,000. */
        public Builder maxConnections(int value) {
            checkCount("max connections", value, 1, MOST_CONNECTIONS);
            this.maxConnections = value;
            return this;
        }

        /** Pooled connections kept while idle; 0 to 10,000, and fewer than max connections when built. */
        public Builder minIdleConnections(int value) {
            checkCount("min idle connections", value, 0, MOST_CONNECTIONS);
            this.minIdleConnections = value;
            return this;
        }

        /** More than zero, at most a day. */
        public Builder connectTimeout(Duration value) {
            checkTimeout("connect timeout", value);
            this.connectTimeout = value;
            return this;
        }

        /** More than zero, at most a day. */
        public Builder acquireTimeout(Duration value) {
            checkTimeout("acquire timeout", value);
            this.acquireTimeout = value;
            return this;
        }

        /** More than zero, at most a day. */
        public Builder idleTimeout(Duration value) {
            checkTimeout("idle timeout", value);
            this.idleTimeout = value;
            return this;
        }

        /** More than zero, at most a day. */
        public Builder maxLifetime(Duration value) {
            checkTimeout("max lifetime", value);
            this.maxLifetime = value;
            return this;
        }

        /** More than zero, at most a day. */
        public Builder statementTimeout(Duration value) {
            checkTimeout("statement timeout", value);
            this.statementTimeout = value;
            return this;
        }

        /** @throws ConfigurationException when min idle connections exceed max connections */
        public ConnectionConfig build() {
            return new ConnectionConfig(maxConnections, minIdleConnections, connectTimeout, acquireTimeout, idleTimeout,
                    maxLifetime, statementTimeout);
        }
    }
}
