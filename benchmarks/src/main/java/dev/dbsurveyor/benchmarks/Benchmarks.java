package dev.dbsurveyor.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Entry point of the benchmarks: {@code benchmarks/run <name> [options]}. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("postgres-wide", "postgres-sweep").contains(args[0])) {
            System.err.println("usage: benchmarks/run postgres-wide [--url URL] [--tables N] [--columns N] [--runs N] [--drop]");
            System.err.println("       benchmarks/run postgres-sweep [--url URL] [--sizes 500,2000] [--tables-per-database N] [--runs N] [--drop]");
            System.exit(2);
        }
        Path results = Path.of("benchmarks", "results");
        if (args[0].equals("postgres-wide")) {
            new PostgresWideBenchmark(Options.parse(Arrays.copyOfRange(args, 1, args.length))).run(results);
        } else {
            List<String> rest = new java.util.ArrayList<>(Arrays.asList(args).subList(1, args.length));
            List<Integer> sizes = List.of(500, 2000);
            int sizesAt = rest.indexOf("--sizes");
            if (sizesAt >= 0) {
                sizes = Arrays.stream(rest.get(sizesAt + 1).split(",")).map(Integer::parseInt).toList();
                rest.subList(sizesAt, sizesAt + 2).clear();
            }
            int tablesAt = rest.indexOf("--tables-per-database");
            String tables = "20";
            if (tablesAt >= 0) {
                tables = rest.get(tablesAt + 1);
                rest.subList(tablesAt, tablesAt + 2).clear();
            }
            rest.addAll(List.of("--columns", tables));
            new PostgresSweepBenchmark(Options.parse(rest.toArray(String[]::new))).run(results, sizes);
        }
    }
}
