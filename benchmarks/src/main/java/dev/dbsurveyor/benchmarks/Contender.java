package dev.dbsurveyor.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * One way of reading the schemas of many databases, measured by the load harness. A run reads the
 * databases in order, at most {@code concurrency} at once, and starts no database after the
 * deadline; it returns how long each database it read took.
 */
interface Contender {

    String name();

    boolean supports(Endpoint endpoint);

    /** Milliseconds per database read, in no particular order, and the failures. */
    ContenderRun run(Endpoint endpoint, List<String> databases, int concurrency, Duration budget) throws Exception;
}
