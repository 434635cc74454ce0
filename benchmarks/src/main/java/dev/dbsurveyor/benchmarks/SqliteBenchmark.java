package dev.dbsurveyor.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * {@code benchmarks/run sqlite}: a directory of F SQLite files of T tables each (a key, four
 * columns, an index and a foreign key per table), swept by {@code ./dbsurveyor collect sqlite://dir/} as a whole
 * command run against what a user writes today, {@code sqlite3 FILE .schema} per file in a shell
 * loop, one after another and ten at a time, all timed by hyperfine in the same session. Then one
 * sweep alone with its threads counted from {@code /proc/<pid>/task} every 20 ms: all of them, and
 * those of the SQLite adapter's scheduler.
 */
final class SqliteBenchmark {

    private final int files;
    private final int tables;
    private final int runs;
    private final Path work = Path.of("target", "sqlite-benchmark").toAbsolutePath();

    private SqliteBenchmark(int files, int tables, int runs) {
        this.files = files;
        this.tables = tables;
        this.runs = runs;
    }

    static void main(String[] args) throws Exception {
        int files = 1000;
        int tables = 20;
        int runs = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--files" -> files = Integer.parseInt(args[++i]);
                case "--tables" -> tables = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new SqliteBenchmark(files, tables, runs).run(Path.of("benchmarks", "results"));
    }

    private void run(Path results) throws Exception {
        Path directory = work.resolve("files");
        long made = make(directory);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "# SQLite: %d files of %d tables%n%n", files, tables))
                .append(String.format(Locale.ROOT, "Made by `benchmarks/run sqlite --files %d --tables %d --runs %d` on %s: %d files, %.1f MB in all; "
                        + "each table has an INTEGER PRIMARY KEY, four columns, an index and a foreign key. The machine has %d cores.%n%n",
                        files, tables, runs, java.time.LocalDate.now(), files, made / 1e6, Runtime.getRuntime().availableProcessors()))
                .append(contenders(directory)).append('\n').append(threads(directory));
        Files.createDirectories(results);
        Path file = results.resolve(String.format(Locale.ROOT, "sqlite-%dx%d.md", files, tables));
        Files.writeString(file, report.toString());
        System.out.println(report);
        System.out.println("wrote " + file);
    }

    /** The files, made once with SQLite's own library; their total size. */
    private long make(Path directory) throws IOException, SQLException {
        if (!Files.isDirectory(directory) || countFiles(directory) != files) {
            deleteTree(directory);
            Files.createDirectories(directory);
            for (int f = 0; f < files; f++) {
                try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(String.format(Locale.ROOT, "app-%04d.db", f)));
                     Statement statement = connection.createStatement()) {
                    statement.execute("BEGIN");
                    for (int t = 0; t < tables; t++) {
                        statement.execute("CREATE TABLE t" + t + "(id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount NUMERIC(12,2), "
                                + "created_at DATETIME DEFAULT CURRENT_TIMESTAMP, parent INTEGER REFERENCES t" + Math.max(0, t - 1) + "(id))");
                        statement.execute("CREATE INDEX t" + t + "_name ON t" + t + "(name)");
                    }
                    statement.execute("COMMIT");
                }
            }
        }
        try (Stream<Path> all = Files.list(directory)) {
            return all.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private String contenders(Path directory) throws IOException, InterruptedException {
        // The launcher users run: the startup archive, the client compiler, the serial collector (docs/STARTUP.md).
        String launcher = Path.of("dbsurveyor").toAbsolutePath().toString();
        Path out = work.resolve("out");
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("`sqlite3 FILE .schema`, one file after another (baseline)",
                "bash -c 'for f in " + directory + "/*.db; do sqlite3 -readonly \"$f\" .schema; done > /dev/null'");
        commands.put("`sqlite3 FILE .schema`, ten files at a time (`xargs -P 10`)",
                "bash -c 'printf \"%s\\0\" " + directory + "/*.db | xargs -0 -P 10 -I{} sqlite3 -readonly {} .schema > /dev/null'");
        commands.put("`dbsurveyor collect sqlite://dir/ --output-dir` (10 files at a time, the default)",
                launcher + " collect sqlite://" + directory + "/ --output-dir " + out + " --force -q --no-progress");
        commands.put("the same, `--max-connections 2` (2 threads)",
                launcher + " collect sqlite://" + directory + "/ --output-dir " + out + " --force -q --no-progress --max-connections 2 --min-idle-connections 0");
        StringBuilder table = new StringBuilder("## A sweep against a shell loop of `sqlite3 .schema`\n\n")
                .append("Whole command runs timed by hyperfine (").append(runs).append(" runs after one warm-up; median wall time; user + system CPU "
                        + "of the command and its children, the mean over the runs). The baseline is the sequential loop, in the same session. "
                        + "The loops print each file's CREATE statements; dbsurveyor writes a JSON document per file (tables, columns with types, "
                        + "keys, foreign keys, indexes with their keys, constraints) and a manifest, every file checked by its run.\n\n")
                .append("| command | wall (median) | vs. baseline | CPU | vs. baseline |\n| --- | --- | --- | --- | --- |\n");
        List<Hyperfine.Timing> timings = new ArrayList<>();
        for (Map.Entry<String, String> command : commands.entrySet()) {
            timings.add(Hyperfine.time(Path.of("").toAbsolutePath(), command.getKey(), command.getValue(), null, 1, runs,
                    work.resolve("hyperfine-" + timings.size() + ".json"), Map.of()).orElseThrow(() -> new IllegalStateException(command.getKey() + " failed")));
            if (command.getKey().contains("dbsurveyor")) {
                checkCollectedEverything(out);
            }
        }
        Hyperfine.Timing baseline = timings.get(0);
        int i = 0;
        for (String name : commands.keySet()) {
            Hyperfine.Timing timing = timings.get(i++);
            table.append(String.format(Locale.ROOT, "| %s | %.2f s | %.2fx | %.2f s | %.2fx |%n", name, timing.medianWall(),
                    timing.medianWall() / baseline.medianWall(), timing.cpu(), timing.cpu() / baseline.cpu()));
        }
        return table.toString();
    }

    private void checkCollectedEverything(Path out) throws IOException {
        String manifest = Files.readString(out.resolve("manifest.json"));
        int collected = manifest.split("\"status\":\"Success\"", -1).length - 1;
        if (collected != files) {
            throw new IllegalStateException("the sweep collected " + collected + " files, not " + files);
        }
    }

    /** One sweep per connection bound, its threads counted while it runs. */
    private String threads(Path directory) throws IOException, InterruptedException {
        StringBuilder table = new StringBuilder("## Threads\n\n")
                .append("One run per bound; the most threads the JVM had at once, and the most of the SQLite adapter's scheduler "
                        + "(`dbsurveyor-sqlite-*`), read from `/proc/<pid>/task/*/comm` every 20 ms.\n\n")
                .append("| `--max-connections` | wall | JVM threads, most | SQLite scheduler threads, most |\n| --- | --- | --- | --- |\n");
        for (int bound : List.of(2, 10, 32)) {
            List<String> command = List.of(Path.of("dbsurveyor").toAbsolutePath().toString(), "collect",
                    "sqlite://" + directory + "/", "--output-dir", work.resolve("threads-" + bound).toString(), "--force", "-q", "--no-progress",
                    "--max-connections", Integer.toString(bound), "--min-idle-connections", "0", "--max-concurrency", "64");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).inheritIO().start();
            int most = 0;
            int mostSqlite = 0;
            Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
            while (process.isAlive()) {
                int all = 0;
                int sqlite = 0;
                try (Stream<Path> threads = Files.list(tasks)) {
                    for (Path task : threads.toList()) {
                        all++;
                        try {
                            if (Files.readString(task.resolve("comm")).startsWith("dbsurveyor-sqli")) {
                                sqlite++;
                            }
                        } catch (IOException ended) {
                            all--;
                        }
                    }
                } catch (IOException ended) {
                    break;
                }
                most = Math.max(most, all);
                mostSqlite = Math.max(mostSqlite, sqlite);
                LockSupport.parkNanos(20_000_000);
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("the sweep with --max-connections " + bound + " failed");
            }
            checkCollectedEverything(work.resolve("threads-" + bound));
            table.append(String.format(Locale.ROOT, "| %d | %.2f s | %d | %d |%n", bound, (System.nanoTime() - started) / 1e9, most, mostSqlite));
        }
        return table.toString();
    }

    private static long countFiles(Path directory) throws IOException {
        try (Stream<Path> all = Files.list(directory)) {
            return all.count();
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
