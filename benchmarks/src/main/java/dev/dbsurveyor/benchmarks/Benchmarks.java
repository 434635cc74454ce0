package dev.dbsurveyor.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;

/** Entry point of the benchmarks: {@code benchmarks/run <name> [options]}. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("postgres-wide")) {
            System.err.println("usage: benchmarks/run postgres-wide [--url URL] [--tables N] [--columns N] [--runs N] [--drop]");
            System.exit(2);
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        Path results = Path.of("benchmarks", "results");
        new PostgresWideBenchmark(options).run(results);
    }
}
