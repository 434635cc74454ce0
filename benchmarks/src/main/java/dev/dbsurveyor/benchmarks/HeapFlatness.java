package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.SweepListener;
import dev.dbsurveyor.sweep.Sweeps;
import dev.dbsurveyor.server.ServerTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a streaming sweep's live heap stays flat as the number of databases grows: the same
 * workload swept at several sizes at concurrency 16, the heap in use measured after a forced full
 * collection at 40 points evenly spaced in each sweep's progress ({@link HeapAfterGc}).
 */
final class HeapFlatness {

    private static final int CONCURRENCY = 16;

    private final ServerTarget server;
    private final List<Integer> sizes;
    private final int tables;

    HeapFlatness(String url, List<Integer> sizes, int tables) {
        this.server = ServerTarget.parse(url);
        this.sizes = sizes;
        this.tables = tables;
    }

    void run(Path resultsDirectory) throws Exception {
        Workload workload = new Workload(server, tables);
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<String> all = workload.ensure(largest);
        String version = WideDatabase.query(workload.admin(), "SELECT version()").get(0);
        sweep(all.subList(0, Math.min(50, all.size())), () -> { });
        Map<Integer, long[]> heaps = new LinkedHashMap<>();
        Map<Integer, Double> seconds = new LinkedHashMap<>();
        for (int size : sizes) {
            try (HeapAfterGc heap = new HeapAfterGc(size)) {
                long started = System.nanoTime();
                long done = sweep(all.subList(0, size), heap::databaseDone);
                seconds.put(size, (System.nanoTime() - started) / 1e9);
                heap.close();
                heaps.put(size, new long[] {heap.peakBytes(), heap.medianBytes(), done});
            }
            System.out.printf(Locale.ROOT, "%6d databases: heap after GC peak %.1f MiB, median %.1f MiB%n", size,
                    heaps.get(size)[0] / 1048576.0, heaps.get(size)[1] / 1048576.0);
        }
        StringBuilder out = new StringBuilder("# Live heap of a streaming sweep against its number of databases\n\n")
                .append("Measured ").append(LoadBenchmark.measuredAt()).append(" with `benchmarks/run heap").append(workload.postgres() ? "" : " --url mysql://…")
                .append("`: the load workload's databases of ").append(tables).append(" tables, swept at concurrency ").append(CONCURRENCY)
                .append(" without added latency through the streaming API (`Sweeps.outcomes`), each document dropped once counted. ")
                .append("The heap in use is read after a forced full collection at ").append(HeapAfterGc.SAMPLES)
                .append(" points evenly spaced in each sweep's progress (the sweep's time includes those collections).\n\n")
                .append("| databases | collected | wall | heap after GC, peak | median |\n| ---: | ---: | ---: | ---: | ---: |\n");
        heaps.forEach((size, heap) -> out.append(String.format(Locale.ROOT, "| %d | %d | %.1f s | %.1f MiB | %.1f MiB |%n", size, heap[2],
                seconds.get(size), heap[0] / 1048576.0, heap[1] / 1048576.0)));
        List<long[]> values = new ArrayList<>(heaps.values());
        out.append(String.format(Locale.ROOT, "%nFrom %d to %d databases the peak grows %.2f times and the median %.2f times (target: at most 1.3).%n",
                sizes.get(0), sizes.get(sizes.size() - 1), (double) values.get(values.size() - 1)[0] / values.get(0)[0],
                (double) values.get(values.size() - 1)[1] / values.get(0)[1]));
        out.append("\nMachine: ").append(LoadBenchmark.machine(version).replace(", through the benchmark's latency proxy", "")).append('\n');
        Files.createDirectories(resultsDirectory);
        Files.writeString(resultsDirectory.resolve("heap-" + (workload.postgres() ? "postgres" : "mysql") + "-" + tables + "t.md"), out.toString());
        System.out.print(out);
    }

    private long sweep(List<String> databases, Runnable onCollected) {
        MultiDatabaseConfig.Builder config = MultiDatabaseConfig.builder().maxConcurrency(CONCURRENCY);
        Globs.selecting(databases).forEach(config::include);
        return Sweeps.outcomes(server, ConnectionConfig.builder().maxConnections(CONCURRENCY + 1).statementTimeout(Duration.ofMinutes(5)).build(),
                        config.build(), SweepListener.none())
                .filter(DatabaseOutcome.Collected.class::isInstance)
                .doOnNext(outcome -> onCollected.run())
                .count()
                .block();
    }
}
