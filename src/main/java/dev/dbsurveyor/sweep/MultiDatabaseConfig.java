package dev.dbsurveyor.sweep;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.model.OutputMode;
import dev.dbsurveyor.retry.DefaultRetryPolicy;
import dev.dbsurveyor.retry.RetryPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * What a server sweep collects and how. Built with {@link #builder()}; every method checks its
 * argument at once, so a malformed glob or a concurrency of 0 fails before anything connects.
 *
 * @param maxConcurrency   databases collected at once; default 8, at least 1
 * @param includeSystem    collect system databases (templates, {@code mysql}…); default false
 * @param includePatterns  keep only databases matching one of these globs; empty (the default) keeps all
 * @param excludePatterns  leave out databases matching any of these globs; default none
 * @param continueOnError  go on after a database fails; default true. When false, the first failure ends the sweep
 * @param outputMode       one bundle (the default) or one document per database with a manifest
 * @param retryPolicy      how failures are retried; default {@link DefaultRetryPolicy}
 * @param sampling         whether and how sample rows are read; default {@link SamplingConfig#off()}
 */
public record MultiDatabaseConfig(
        int maxConcurrency,
        boolean includeSystem,
        List<GlobPattern> includePatterns,
        List<GlobPattern> excludePatterns,
        boolean continueOnError,
        OutputMode outputMode,
        RetryPolicy retryPolicy,
        SamplingConfig sampling) {

    /** Most databases collected at once. */
    public static final int MOST_CONCURRENCY = 1024;

    public MultiDatabaseConfig {
        checkConcurrency(maxConcurrency);
        includePatterns = List.copyOf(includePatterns);
        excludePatterns = List.copyOf(excludePatterns);
        if (outputMode == null) {
            throw new ConfigurationException("output mode is required");
        }
        if (retryPolicy == null) {
            throw new ConfigurationException("retry policy is required");
        }
        if (sampling == null) {
            throw new ConfigurationException("sampling configuration is required");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static MultiDatabaseConfig defaults() {
        return builder().build();
    }

    private static void checkConcurrency(int value) {
        if (value < 1 || value > MOST_CONCURRENCY) {
            throw new ConfigurationException("max concurrency must be between 1 and " + MOST_CONCURRENCY + ", not " + value);
        }
    }

    /** Collects settings; every method checks its argument at once. */
    public static final class Builder {
        private int maxConcurrency = 8;
        private boolean includeSystem;
        private final List<GlobPattern> include = new ArrayList<>();
        private final List<GlobPattern> exclude = new ArrayList<>();
        private boolean continueOnError = true;
        private OutputMode outputMode = OutputMode.SINGLE_BUNDLE;
        private RetryPolicy retryPolicy = DefaultRetryPolicy.standard();
        private SamplingConfig sampling = SamplingConfig.off();

        private Builder() {
        }

        /** 1 to 1024. */
        public Builder maxConcurrency(int value) {
            checkConcurrency(value);
            this.maxConcurrency = value;
            return this;
        }

        public Builder includeSystem(boolean value) {
            this.includeSystem = value;
            return this;
        }

        /** Adds an include glob. @throws ConfigurationException when the glob is malformed */
        public Builder include(String glob) {
            include.add(GlobPattern.compile(glob));
            return this;
        }

        /** Adds an exclude glob. @throws ConfigurationException when the glob is malformed */
        public Builder exclude(String glob) {
            exclude.add(GlobPattern.compile(glob));
            return this;
        }

        public Builder continueOnError(boolean value) {
            this.continueOnError = value;
            return this;
        }

        public Builder outputMode(OutputMode value) {
            if (value == null) {
                throw new ConfigurationException("output mode is required");
            }
            this.outputMode = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            if (value == null) {
                throw new ConfigurationException("retry policy is required");
            }
            this.retryPolicy = value;
            return this;
        }

        public Builder sampling(SamplingConfig value) {
            if (value == null) {
                throw new ConfigurationException("sampling configuration is required");
            }
            this.sampling = value;
            return this;
        }

        public MultiDatabaseConfig build() {
            return new MultiDatabaseConfig(maxConcurrency, includeSystem, include, exclude, continueOnError, outputMode, retryPolicy,
                    sampling);
        }
    }
}
