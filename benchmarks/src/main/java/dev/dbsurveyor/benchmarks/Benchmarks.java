package dev.dbsurveyor.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Entry point of the benchmarks: {@code benchmarks/run <name> [options]}. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("diff")) {
            DiffBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("report")) {
            ReportBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("protected")) {
            ProtectedOutputBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("fleet")) {
            FleetBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("access-cost")) {
            AccessCostBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("sqlite")) {
            SqliteBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("cli")) {
            CliBenchmark.main(Arrays.copyOfRange(args, 1, args.length), Path.of("benchmarks", "results"));
            return;
        }
        if (args.length == 0 || !List.of("load", "jmh", "heap", "postgres-wide", "postgres-sweep", "mysql-sweep", "mysql-wide", "sampling-rate").contains(args[0])) {
            System.err.println("usage: benchmarks/run load [--url URL] [--scale quick|standard|wide] [--latencies 0,5,10] "
                    + "[--concurrencies 1,4,16,64] [--contenders dbsurveyor,jdbc,schemacrawler,pg_dump] [--budget SECONDS] [--drop]");
            System.err.println("       benchmarks/run jmh");
            System.err.println("       benchmarks/run heap [--url URL] [--sizes 1000,10000] [--tables-per-database 20]");
            System.err.println("       benchmarks/run postgres-wide [--url URL] [--tables N] [--columns N] [--runs N] [--drop]");
            System.err.println("       benchmarks/run postgres-sweep [--url URL] [--sizes 500,2000] [--tables-per-database N] [--runs N] [--drop]");
            System.err.println("       benchmarks/run mysql-sweep [--url URL] [--databases 500] [--tables-per-database 20] [--runs N] [--drop]");
            System.err.println("       benchmarks/run mysql-wide [--url URL] [--sizes 1000,10000] [--runs N] [--drop]");
            System.err.println("       benchmarks/run sampling-rate [--url URL] [--databases 4] [--tables-per-database 50] [--rate 50] [--runs N] [--drop]");
            System.err.println("       benchmarks/run diff [--databases 10000] [--tables-per-database 20]");
            System.err.println("       benchmarks/run protected [--databases 10000] [--small 1000] [--tables-per-database 20]");
            System.err.println("       benchmarks/run report [--databases 10000] [--tables 20] [--runs N] [--format html|markdown|both]");
            System.err.println("       benchmarks/run fleet [--url URL] [--servers 20] [--databases 50] [--latency 5] [--runs 3] [--scales 20,100] [--drop]");
            System.err.println("       benchmarks/run sqlite [--files 1000] [--tables 20] [--runs 5]");
            System.err.println("       benchmarks/run access-cost --baseline REV [--databases 50] [--tables-per-database 20] [--latency 5] [--runs 5] [--drop]");
            System.err.println("       benchmarks/run cli [--url URL] [--mysql-url URL] [--runs N] [--cells 20t,1000t,...] [--baseline REV] [--drop]");
            System.exit(2);
        }
        Path results = Path.of("benchmarks", "results");
        if (args[0].equals("heap")) {
            heap(Arrays.copyOfRange(args, 1, args.length), results);
        } else if (args[0].equals("jmh")) {
            HotPathBenchmarks.run(results);
        } else if (args[0].equals("load")) {
            new LoadBenchmark(LoadBenchmark.Options.parse(Arrays.copyOfRange(args, 1, args.length))).run(results);
        } else if (args[0].equals("sampling-rate")) {
            samplingRate(Arrays.copyOfRange(args, 1, args.length), results);
        } else if (args[0].equals("mysql-sweep")) {
            mysqlSweep(Arrays.copyOfRange(args, 1, args.length), results);
        } else if (args[0].equals("mysql-wide")) {
            new MySqlWideBenchmark(MySqlWideBenchmark.Options.parse(Arrays.copyOfRange(args, 1, args.length))).run(results);
        } else if (args[0].equals("postgres-wide")) {
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

    private static void heap(String[] args, Path results) throws Exception {
        String url = "postgresql://postgres@127.0.0.1:5432";
        List<Integer> sizes = List.of(1_000, 10_000);
        int tables = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--tables-per-database" -> tables = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        new HeapFlatness(url, sizes, tables).run(results);
    }

    private static void samplingRate(String[] args, Path results) throws Exception {
        String url = "postgresql://postgres@127.0.0.1:5432";
        int databases = 4;
        int tables = 50;
        double rate = 50;
        int runs = 3;
        boolean drop = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--databases" -> databases = Integer.parseInt(args[++i]);
                case "--tables-per-database" -> tables = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--drop" -> drop = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        new SamplingRateBenchmark(url, databases, tables, rate, runs, drop).run(results);
    }

    private static void mysqlSweep(String[] args, Path results) throws Exception {
        String url = "mysql://root@127.0.0.1:3306";
        int databases = 500;
        int tables = 20;
        int runs = 3;
        boolean drop = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--databases" -> databases = Integer.parseInt(args[++i]);
                case "--tables-per-database" -> tables = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--drop" -> drop = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        new MySqlSweepBenchmark(url, databases, tables, runs, drop).run(results);
    }
}
