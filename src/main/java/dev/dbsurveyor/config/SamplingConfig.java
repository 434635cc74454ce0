package dev.dbsurveyor.config;

/**
 * Whether and how sample rows are read. Built with {@link #builder()}; every method checks its
 * argument at once. Sampling is off unless {@code rowsPerTable} is set.
 *
 * @param rowsPerTable     rows read per table; 0 (the default) turns sampling off, otherwise 1 to {@value #MOST_ROWS}
 * @param queriesPerSecond most sample queries started per second across the whole sweep; default 50,
 *                         above 0 and at most {@value #MOST_QUERIES_PER_SECOND}
 * @param maxValueLength   characters a value keeps before it is cut with {@link dev.dbsurveyor.sampling.SampleValues#TRUNCATION_MARKER};
 *                         default 1,000, at least 16
 * @param maxSampleBytes   bytes of JSON one table's rows may take; rows beyond it are left out with a warning;
 *                         default 262,144 (256 KiB), at least 1,024
 * @param redact           replace the values of columns named like secrets or personal data (see
 *                         {@link dev.dbsurveyor.sampling.SensitiveColumns}); default true
 */
public record SamplingConfig(int rowsPerTable, double queriesPerSecond, int maxValueLength, int maxSampleBytes, boolean redact) {

    public static final int MOST_ROWS = 10_000;
    public static final double MOST_QUERIES_PER_SECOND = 10_000;
    public static final int FEWEST_VALUE_CHARACTERS = 16;
    public static final int FEWEST_SAMPLE_BYTES = 1_024;

    public SamplingConfig {
        checkRows(rowsPerTable);
        checkRate(queriesPerSecond);
        checkValueLength(maxValueLength);
        checkSampleBytes(maxSampleBytes);
    }

    /** No sampling. */
    public static SamplingConfig off() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean enabled() {
        return rowsPerTable > 0;
    }

    private static void checkRows(int value) {
        if (value < 0 || value > MOST_ROWS) {
            throw new ConfigurationException("sample rows per table must be between 0 (off) and " + MOST_ROWS + ", not " + value);
        }
    }

    private static void checkRate(double value) {
        if (!(value > 0) || value > MOST_QUERIES_PER_SECOND) {
            throw new ConfigurationException("sample queries per second must be above 0 and at most "
                    + (int) MOST_QUERIES_PER_SECOND + ", not " + value);
        }
    }

    private static void checkValueLength(int value) {
        if (value < FEWEST_VALUE_CHARACTERS) {
            throw new ConfigurationException("sample value length must be at least " + FEWEST_VALUE_CHARACTERS + " characters, not " + value);
        }
    }

    private static void checkSampleBytes(int value) {
        if (value < FEWEST_SAMPLE_BYTES) {
            throw new ConfigurationException("sample size ceiling must be at least " + FEWEST_SAMPLE_BYTES + " bytes, not " + value);
        }
    }

    /** Collects settings; every method checks its argument at once. */
    public static final class Builder {
        private int rowsPerTable;
        private double queriesPerSecond = 50;
        private int maxValueLength = 1_000;
        private int maxSampleBytes = 256 * 1_024;
        private boolean redact = true;

        private Builder() {
        }

        /** 0 (off) to 10,000. */
        public Builder rowsPerTable(int value) {
            checkRows(value);
            this.rowsPerTable = value;
            return this;
        }

        /** Above 0, at most 10,000. */
        public Builder queriesPerSecond(double value) {
            checkRate(value);
            this.queriesPerSecond = value;
            return this;
        }

        /** At least 16 characters. */
        public Builder maxValueLength(int value) {
            checkValueLength(value);
            this.maxValueLength = value;
            return this;
        }

        /** At least 1,024 bytes. */
        public Builder maxSampleBytes(int value) {
            checkSampleBytes(value);
            this.maxSampleBytes = value;
            return this;
        }

        public Builder redact(boolean value) {
            this.redact = value;
            return this;
        }

        public SamplingConfig build() {
            return new SamplingConfig(rowsPerTable, queriesPerSecond, maxValueLength, maxSampleBytes, redact);
        }
    }
}
