package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.server.ServerTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code benchmarks/run access-cost --baseline REV}: what the access map costs a sweep. D
 * PostgreSQL databases of T tables, swept through a latency proxy that counts the statements the
 * server ran, by the jar a git revision built before the access map (the baseline) and by this
 * one, in the same session: statements counted from the server's replies in one run each, whole
 * command runs timed by hyperfine.
 */
final class AccessCostBenchmark {

    private AccessCostBenchmark() {
    }

    static void main(String[] args) throws Exception {
        String url = "postgresql://postgres@127.0.0.1:5432";
        String revision = null;
        int databases = 50;
        int tables = 20;
        int runs = 5;
        long latency = 5;
        boolean drop = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--baseline" -> revision = args[++i];
                case "--databases" -> databases = Integer.parseInt(args[++i]);
                case "--tables-per-database" -> tables = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--latency" -> latency = Long.parseLong(args[++i]);
                case "--drop" -> drop = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (revision == null) {
            throw new IllegalArgumentException("--baseline REV names the revision to compare with");
        }
        Path root = Path.of("").toAbsolutePath();
        ServerTarget server = ServerTarget.parse(url);
        var admin = PlainConnections.to(server, server.defaultDatabase());
        ManyDatabases.ensure(admin, database -> PlainConnections.to(server, database), databases, tables);
        Path baseline = BaselineJar.of(root, revision);
        Path current = root.resolve("target").resolve("dbsurveyor.jar");
        Path work = root.resolve("benchmarks").resolve("target").resolve("access-cost");
        Files.createDirectories(work);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "# The access map's cost: %d databases of %d tables at %d ms%n%n",
                databases, tables, latency))
                .append(String.format(Locale.ROOT, "Made by `benchmarks/run access-cost --baseline %s --databases %d --tables-per-database %d "
                        + "--runs %d --latency %d` on %s, 2 cores shared with the server. The sweep is `collect --include '%s*' --output-dir` "
                        + "with its defaults; statements and exchanges (round trips: one ReadyForQuery ends each) are counted from the "
                        + "server's replies in one run, connections' set-up included; wall and CPU are hyperfine's (%d runs after one warm-up, median wall, mean user + system).%n%n",
                        revision, databases, tables, runs, latency, java.time.LocalDate.now(), ManyDatabases.prefix(tables), runs))
                .append("| jar | statements | per database | round trips | per database | wall (median) | vs. baseline | CPU | vs. baseline |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        AtomicLong statements = new AtomicLong();
        AtomicLong exchanges = new AtomicLong();
        List<long[]> counts = new ArrayList<>();
        List<Hyperfine.Timing> timings = new ArrayList<>();
        try (DelayProxy proxy = new DelayProxy(server.host(), server.port(), latency, () -> new PostgresStatementCounter(statements, exchanges))) {
            for (Path jar : List.of(baseline, current)) {
                String command = "java -jar " + jar + " collect postgresql://postgres@127.0.0.1:" + proxy.port() + "?sslmode=disable --include '"
                        + ManyDatabases.prefix(tables) + "*' --output-dir " + work.resolve("out") + " --force -q --no-progress";
                statements.set(0);
                exchanges.set(0);
                int exit = new ProcessBuilder("bash", "-c", command).inheritIO().start().waitFor();
                if (exit != 0) {
                    throw new IllegalStateException(jar + " failed with exit " + exit);
                }
                counts.add(new long[] {statements.get(), exchanges.get()});
                timings.add(Hyperfine.time(root, jar.getFileName().toString(), command, null, 1, runs, work.resolve("hyperfine-" + timings.size() + ".json"),
                        Map.of()).orElseThrow(() -> new IllegalStateException(jar + " failed")));
            }
        }
        String[] names = {"baseline (" + revision + ", no access map)", "this one (access map)"};
        for (int i = 0; i < 2; i++) {
            Hyperfine.Timing timing = timings.get(i);
            report.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %.1f | %.2f s | %.2fx | %.2f s | %.2fx |%n", names[i],
                    counts.get(i)[0], counts.get(i)[0] / (double) databases, counts.get(i)[1], counts.get(i)[1] / (double) databases,
                    timing.medianWall(), timing.medianWall() / timings.get(0).medianWall(), timing.cpu(),
                    timing.cpu() / timings.get(0).cpu()));
        }
        if (drop) {
            ManyDatabases.drop(admin, tables);
        }
        Path file = root.resolve("benchmarks").resolve("results").resolve(String.format(Locale.ROOT, "access-cost-%dx%d.md", databases, tables));
        Files.writeString(file, report.toString());
        System.out.println(report);
        System.out.println("wrote " + file);
    }
}
