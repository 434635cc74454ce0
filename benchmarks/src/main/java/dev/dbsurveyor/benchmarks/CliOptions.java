package dev.dbsurveyor.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * {@code benchmarks/run cli [--url URL] [--mysql-url URL] [--runs N] [--cells a,b] [--baseline REV] [--drop]}:
 * {@code runs} is null for each cell's own default (5 for short cells, 3 for long ones).
 */
record CliOptions(String url, String mysqlUrl, Integer runs, List<String> cells, String baseline, boolean drop) {

    static CliOptions parse(String[] args) {
        String url = "postgresql://postgres@127.0.0.1:5432";
        String mysqlUrl = "mysql://root@127.0.0.1:3306";
        Integer runs = null;
        List<String> cells = CliCell.ALL.stream().map(CliCell::key).toList();
        String baseline = null;
        boolean drop = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--mysql-url" -> mysqlUrl = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--cells" -> cells = Arrays.asList(args[++i].split(","));
                case "--baseline" -> baseline = args[++i];
                case "--drop" -> drop = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        List<String> known = CliCell.ALL.stream().map(CliCell::key).toList();
        for (String cell : cells) {
            if (!known.contains(cell)) {
                throw new IllegalArgumentException("Unknown cell " + cell + "; the cells are " + String.join(",", known));
            }
        }
        if (runs != null && runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        return new CliOptions(url, mysqlUrl, runs, cells, baseline, drop);
    }
}
