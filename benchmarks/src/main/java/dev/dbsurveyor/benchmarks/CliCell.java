package dev.dbsurveyor.benchmarks;

import java.util.List;

/**
 * One cell of the {@code cli} benchmark: a workload, read directly or through the latency proxy,
 * by every contender that applies. A sweep cell reads the 200 sweep databases at
 * {@code concurrency}; any other reads {@code database}.
 *
 * @param latencyMillis added each way by a {@link DelayProxy} in the harness, 0 for direct
 * @param longRuns      whether the cell defaults to 3 timed runs rather than 5
 */
record CliCell(String key, String label, String database, boolean sweep, int concurrency, int latencyMillis, boolean mysql,
               boolean schemaCrawler, boolean longRuns) {

    static final List<CliCell> ALL = List.of(
            new CliCell("20t", "1 database × 20 tables, direct", CliWorkloads.TWENTY, false, 1, 0, false, false, false),
            new CliCell("1000t", "1 × 1,000 tables, direct", CliWorkloads.THOUSAND, false, 1, 0, false, false, false),
            new CliCell("1000t-5ms", "1 × 1,000 tables, 5 ms each way", CliWorkloads.THOUSAND, false, 1, 5, false, true, true),
            new CliCell("10000t", "1 × 10,000 tables, direct", CliWorkloads.TEN_THOUSAND, false, 1, 0, false, false, true),
            new CliCell("sweep-c8", "200 databases × 20 tables, concurrency 8, direct", null, true, 8, 0, false, false, true),
            new CliCell("sweep-5ms-c16", "200 × 20 tables, 5 ms each way, concurrency 16", null, true, 16, 5, false, false, true),
            new CliCell("mariadb-1000t", "MariaDB 1 × 1,000 tables, direct", CliWorkloads.THOUSAND, false, 1, 0, true, false, false));

    int runs(Integer chosen) {
        return chosen != null ? chosen : longRuns ? 3 : 5;
    }
}
