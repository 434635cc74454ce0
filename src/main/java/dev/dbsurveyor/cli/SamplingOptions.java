package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.SamplingConfig;
import picocli.CommandLine.Option;

/** Whether sample rows are read, how many and how fast. */
final class SamplingOptions {

    @Option(names = "--sample", paramLabel = "N", description = "Read up to N sample rows per table, the most recent first (default: no samples).")
    Integer rowsPerTable;

    @Option(names = "--sample-rate", paramLabel = "QPS", description = "Most sample queries a second, across the whole sweep (default 50).")
    Double queriesPerSecond;

    @Option(names = "--sample-value-length", paramLabel = "CHARS", description = "Cut sampled values longer than this (default 1000).")
    Integer maxValueLength;

    @Option(names = "--sample-max-bytes", paramLabel = "BYTES", description = "Most bytes of JSON one table's sample takes (default 262144).")
    Integer maxSampleBytes;

    @Option(names = "--no-redact", description = "Keep the values of columns named like secrets or personal data (redacted by default).")
    boolean noRedact;

    SamplingConfig config() {
        SamplingConfig.Builder builder = SamplingConfig.builder().redact(!noRedact);
        FlagValues.apply("--sample", rowsPerTable, builder, SamplingConfig.Builder::rowsPerTable);
        FlagValues.apply("--sample-rate", queriesPerSecond, builder, SamplingConfig.Builder::queriesPerSecond);
        FlagValues.apply("--sample-value-length", maxValueLength, builder, SamplingConfig.Builder::maxValueLength);
        FlagValues.apply("--sample-max-bytes", maxSampleBytes, builder, SamplingConfig.Builder::maxSampleBytes);
        SamplingConfig config = builder.build();
        if (!config.enabled() && (queriesPerSecond != null || maxValueLength != null || maxSampleBytes != null || noRedact)) {
            throw new ConfigurationException("sampling options need --sample N");
        }
        return config;
    }
}
