package dev.dbsurveyor.benchmarks;

import java.util.List;

/** What one contender's run in one cell gave: milliseconds per database read, and the databases it failed to read. */
record ContenderRun(List<Double> latencies, int failed, String firstError) {
}
