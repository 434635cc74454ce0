package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.SweepListener;
import dev.dbsurveyor.sweep.Sweeps;
import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.spi.ConnectionFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sweeps of many databases through the streaming API ({@code Sweeps.outcomes}), each document
 * dropped as soon as it is counted: databases per second at several concurrencies, and the live
 * heap for a small and a large sweep.
 */
final class PostgresSweepBenchmark {

    private static final int[] CONCURRENCIES = {1, 4, 16, 64};
    private static final int HEAP_CONCURRENCY = 16;

    private final Options options;
    private final ServerTarget target;

    PostgresSweepBenchmark(Options options) {
        this.options = options;
        this.target = ServerTarget.parse(options.url());
    }

    void run(Path resultsDirectory, List<Integer> sizes) throws Exception {
        ConnectionFactory server = plainFactory(target.defaultDatabase());
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        long setup = System.nanoTime();
        int made = ManyDatabases.ensure(server, this::plainFactory, largest, options.columns());
        System.out.printf("made %d databases of %d tables in %d s%n", made, options.columns(), Duration.ofNanos(System.nanoTime() - setup).toSeconds());
        String serverVersion = WideDatabase.query(server, "SELECT version()").get(0);

        Map<Integer, Map<Integer, Double>> rates = new LinkedHashMap<>();
        Map<Integer, Long> heaps = new LinkedHashMap<>();
        Map<Integer, Long> medians = new LinkedHashMap<>();
        sweep(Math.min(50, largest), 4, () -> { });
        // The live heap first, in a JVM that has done nothing else yet but a warm-up, size after size.
        for (int size : sizes) {
            try (HeapAfterGc heap = new HeapAfterGc(size)) {
                sweep(size, HEAP_CONCURRENCY, heap::databaseDone);
                heap.close();
                heaps.put(size, heap.peakBytes());
                medians.put(size, heap.medianBytes());
            }
            System.out.printf(Locale.ROOT, "%5d databases: heap after GC peak %.1f MiB, median %.1f MiB%n", size,
                    heaps.get(size) / (1024.0 * 1024), medians.get(size) / (1024.0 * 1024));
        }
        for (int size : options.heapOnly() ? List.<Integer>of() : sizes) {
            Map<Integer, Double> bySize = new LinkedHashMap<>();
            for (int concurrency : CONCURRENCIES) {
                List<Double> runs = new ArrayList<>();
                for (int run = 0; run < options.runs(); run++) {
                    long started = System.nanoTime();
                    long collected = sweep(size, concurrency, () -> { });
                    double seconds = (System.nanoTime() - started) / 1e9;
                    runs.add(collected / seconds);
                }
                runs.sort(Double::compare);
                bySize.put(concurrency, runs.get(runs.size() / 2));
                System.out.printf("%5d databases, concurrency %2d: %7.1f databases/s%n", size, concurrency, bySize.get(concurrency));
            }
            rates.put(size, bySize);
        }
        if (options.heapOnly()) {
            List<Long> values = new ArrayList<>(heaps.values());
            List<Long> middles = new ArrayList<>(medians.values());
            System.out.printf(Locale.ROOT, "heap after GC grows %.2f times at the peak, %.2f times at the median%n",
                    (double) values.get(values.size() - 1) / values.get(0), (double) middles.get(middles.size() - 1) / middles.get(0));
        } else {
            String report = report(serverVersion, rates, heaps, medians);
            System.out.println(report);
            Files.createDirectories(resultsDirectory);
            Files.writeString(resultsDirectory.resolve("postgres-sweep-" + options.columns() + "-tables.md"), report);
        }
        if (options.drop()) {
            ManyDatabases.drop(server, options.columns());
        }
    }

    /** Sweeps the first {@code size} databases, calling {@code onCollected} for each; returns how many were collected. */
    private long sweep(int size, int concurrency, Runnable onCollected) {
        MultiDatabaseConfig.Builder config = MultiDatabaseConfig.builder().maxConcurrency(concurrency);
        firstNumbers(size).forEach(glob -> config.include(ManyDatabases.prefix(options.columns()) + glob));
        ConnectionConfig connection = ConnectionConfig.builder().maxConnections(concurrency + 1).minIdleConnections(0)
                .statementTimeout(Duration.ofMinutes(2)).build();
        long collected = Sweeps.outcomes(target, connection, config.build(), SweepListener.none())
                .filter(DatabaseOutcome.Collected.class::isInstance)
                .doOnNext(outcome -> onCollected.run())
                .count()
                .block();
        if (collected != size) {
            throw new IllegalStateException("collected " + collected + " of " + size + " databases");
        }
        return collected;
    }

    /**
     * Globs that match the numbers 0 to {@code size - 1} and nothing else among the benchmark's
     * names, a handful whatever the size (so the filter costs the same for every size), for sizes
     * such as 500 or 2000: one digit followed by zeros.
     */
    static List<String> firstNumbers(int size) {
        String last = Integer.toString(size - 1);
        if (!Integer.toString(size).substring(1).chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException("--sizes must be a digit followed by zeros (500, 2000), not " + size);
        }
        List<String> globs = new ArrayList<>();
        for (int digits = 1; digits < last.length(); digits++) {
            globs.add("?".repeat(digits));
        }
        globs.add("[0-" + last.charAt(0) + "]" + "?".repeat(last.length() - 1));
        return globs;
    }

    private ConnectionFactory plainFactory(String database) {
        return PlainConnections.to(target, database);
    }

    private String report(String serverVersion, Map<Integer, Map<Integer, Double>> rates, Map<Integer, Long> heaps,
                          Map<Integer, Long> medians) {
        StringBuilder out = new StringBuilder("# Sweeps of many PostgreSQL databases\n\n");
        out.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" with `benchmarks/run postgres-sweep`: ")
                .append(options.columns()).append(" tables per database (each with a primary key, a foreign key and an index; ")
                .append("a view, a function and a trigger per database), swept through the streaming API (the first N selected with a few globs, so that the filter costs the same at every size), ")
                .append("each document dropped once counted; median of ").append(options.runs()).append(" runs. ")
                .append("max_connections is the concurrency + 1. The live heap is sampled (a full GC, then the heap in use) at ")
                .append(HeapAfterGc.SAMPLES).append(" points evenly spaced in each sweep's progress, so that both sizes get the same ")
                .append("number of samples. The server enumerates every database each time; a sweep of the ")
                .append("first N selects them by name and filters the others out.\n\n");
        out.append("| databases |");
        for (int concurrency : CONCURRENCIES) {
            out.append(" concurrency ").append(concurrency).append(" |");
        }
        out.append(" heap after GC, peak (concurrency ").append(HEAP_CONCURRENCY).append(") | median |\n| ---: |");
        for (int i = 0; i <= CONCURRENCIES.length + 1; i++) {
            out.append(" ---: |");
        }
        out.append('\n');
        rates.forEach((size, bySize) -> {
            out.append("| ").append(size).append(" |");
            bySize.values().forEach(rate -> out.append(String.format(Locale.ROOT, " %.1f db/s |", rate)));
            out.append(String.format(Locale.ROOT, " %.1f MiB | %.1f MiB |%n", heaps.get(size) / (1024.0 * 1024),
                    medians.get(size) / (1024.0 * 1024)));
        });
        if (heaps.size() >= 2) {
            List<Long> values = new ArrayList<>(heaps.values());
            List<Long> middles = new ArrayList<>(medians.values());
            out.append(String.format(Locale.ROOT, "%nThe heap after GC grows %.2f times at the peak and %.2f times at the median "
                            + "from %d to %d databases (target: at most 1.3).%n",
                    (double) values.get(values.size() - 1) / values.get(0), (double) middles.get(middles.size() - 1) / middles.get(0),
                    new ArrayList<>(heaps.keySet()).get(0), new ArrayList<>(heaps.keySet()).get(heaps.size() - 1)));
        }
        out.append("\nMachine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, JVM ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", max heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB; server ")
                .append(serverVersion).append(", on the same host over TCP loopback.\n");
        return out.toString();
    }
}
