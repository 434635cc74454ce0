package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.spi.ConnectionFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code benchmarks/run fleet}: S servers of D databases each, simulated by one private PostgreSQL
 * (embedded, with room for every server's connections) behind S latency proxies (each server's databases are its own group, selected by a glob), swept as whole
 * command runs: one fleet run ({@code collect --inventory}) against the shell loops a user writes
 * today, one {@code collect} per server in sequence and all at once, timed by hyperfine in the
 * same session. Then the fleet run alone at 20 and at 100 servers: client CPU, peak threads, peak
 * resident memory and the largest heap left after a GC, from {@code /usr/bin/time -v},
 * {@code /proc} and the JVM's own GC log.
 */
final class FleetBenchmark {

    private static final String PREFIX = "dbsurveyor_bench_fleet_";

    private final ServerTarget server;
    private final int servers;
    private final int databases;
    private final int tables;
    private final long latencyMillis;
    private final int runs;
    private final List<Integer> scales;
    private final Path work = Path.of("target", "fleet-benchmark").toAbsolutePath();

    private FleetBenchmark(ServerTarget server, int servers, int databases, int tables, long latencyMillis, int runs, List<Integer> scales) {
        this.server = server;
        this.servers = servers;
        this.databases = databases;
        this.tables = tables;
        this.latencyMillis = latencyMillis;
        this.runs = runs;
        this.scales = scales;
    }

    static void main(String[] args) throws Exception {
        String url = null;
        int servers = 20;
        int databases = 50;
        int tables = 10;
        long latency = 5;
        int runs = 3;
        List<Integer> scales = List.of(20, 100);
        boolean drop = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--servers" -> servers = Integer.parseInt(args[++i]);
                case "--databases" -> databases = Integer.parseInt(args[++i]);
                case "--tables-per-database" -> tables = Integer.parseInt(args[++i]);
                case "--latency" -> latency = Long.parseLong(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--scales" -> scales = Stream.of(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--drop" -> drop = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // One shared PostgreSQL stands for every server, so it needs the connections of all of them: a private instance
        // with room for them, unless a server is named.
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded = url != null ? null
                : io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setServerConfig("max_connections", "1200").start();
        String target = url != null ? url : "postgresql://postgres@127.0.0.1:" + embedded.getPort();
        FleetBenchmark benchmark = new FleetBenchmark(ServerTarget.parse(target), servers, databases, tables, latency, runs, scales);
        try {
            benchmark.run(Path.of("benchmarks", "results"));
        } finally {
            if (drop && embedded == null) {
                benchmark.drop();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static String group(int server) {
        return PREFIX + "g" + String.format(Locale.ROOT, "%02d", server) + "_";
    }

    private void run(Path results) throws Exception {
        Files.createDirectories(work);
        int made = ensureDatabases();
        System.out.printf("%d servers x %d databases of %d tables (%d made now), %d ms each way%n", servers, databases, tables, made, latencyMillis);
        int most = scales.stream().mapToInt(Integer::intValue).max().orElse(servers);
        List<DelayProxy> proxies = new ArrayList<>();
        try {
            for (int i = 0; i < Math.max(most, servers); i++) {
                proxies.add(new DelayProxy(server.host(), server.port(), latencyMillis));
            }
            StringBuilder report = new StringBuilder();
            report.append("# Fleet sweeps: one run against shell loops\n\n")
                    .append(String.format(Locale.ROOT, "%d servers x %d databases of %d tables, %d ms added each way by a latency proxy per server "
                            + "(one PostgreSQL %s behind %d ports, each server's databases selected by its own glob). `benchmarks/run fleet`.%n%n",
                            servers, databases, tables, latencyMillis, version(), Math.max(most, servers)));
            report.append(contenders(proxies)).append('\n').append(scaling(proxies)).append('\n').append(environment());
            Path file = results.resolve(String.format(Locale.ROOT, "fleet-%dx%d.md", servers, databases));
            Files.writeString(file, report.toString());
            System.out.println(report);
            System.out.println("wrote " + file);
        } finally {
            for (DelayProxy proxy : proxies) {
                proxy.close();
            }
        }
    }

    /** The fleet run and the two shell loops, each timed by hyperfine over the same servers and bounds. */
    private String contenders(List<DelayProxy> proxies) throws IOException, InterruptedException {
        Path inventory = inventory(proxies, servers);
        String jar = Path.of("target", "dbsurveyor.jar").toAbsolutePath().toString();
        StringBuilder sequential = new StringBuilder("set -e; ");
        StringBuilder parallel = new StringBuilder("set -e; pids=; ");
        for (int i = 0; i < servers; i++) {
            String one = "java -jar " + jar + " collect " + url(proxies.get(i)) + " --include '" + group(i % servers) + "*' --output-dir "
                    + work.resolve("loop").resolve("s" + i) + " --force -q --no-progress";
            sequential.append(one).append("; ");
            parallel.append(one).append(" & pids=\"$pids $!\"; ");
        }
        parallel.append("for p in $pids; do wait $p; done");
        // The fleet gets the bounds the parallel loop has: each server 8 databases at once, all of them together.
        String fleet = "java -jar " + jar + " collect --inventory " + inventory + " --output-dir " + work.resolve("fleet")
                + " --force -q --no-progress --max-concurrency " + Math.min(1024, 8 * servers);
        Map<String, String> commands = new java.util.LinkedHashMap<>();
        commands.put("fleet run (`collect --inventory`)", fleet);
        commands.put("shell loop, one `collect` per server in sequence", "bash -c '" + sequential.toString().replace("'", "'\\''") + "'");
        commands.put("shell loop, every `collect` at once (`&`, `wait`)", "bash -c '" + parallel.toString().replace("'", "'\\''") + "'");
        StringBuilder table = new StringBuilder("## One fleet run against a loop of single-server runs\n\n")
                .append("Whole command runs timed by hyperfine (").append(runs).append(" runs after one warm-up; median wall time; user + system "
                        + "CPU of the command and its children, the mean over the runs). The baseline is the sequential loop, measured in the same session.\n\n")
                .append("| command | wall (median) | vs. sequential loop | client CPU | vs. sequential loop |\n| --- | --- | --- | --- | --- |\n");
        List<Hyperfine.Timing> timings = new ArrayList<>();
        for (Map.Entry<String, String> command : commands.entrySet()) {
            Files.createDirectories(work.resolve("loop"));
            timings.add(Hyperfine.time(Path.of("").toAbsolutePath(), command.getKey(), command.getValue(), null, 1, runs,
                    work.resolve("hyperfine-" + timings.size() + ".json"), Map.of()).orElseThrow(() -> new IllegalStateException(
                    command.getKey() + " failed")));
            checkCollectedEverything(command.getKey());
        }
        Hyperfine.Timing baseline = timings.get(1);
        int i = 0;
        for (String name : commands.keySet()) {
            Hyperfine.Timing timing = timings.get(i++);
            table.append(String.format(Locale.ROOT, "| %s | %.2f s | %.2fx | %.1f s | %.2fx |%n", name, timing.medianWall(),
                    timing.medianWall() / baseline.medianWall(), timing.cpu(), timing.cpu() / baseline.cpu()));
        }
        return table.toString();
    }

    /** A timing counts only when its last run collected every database: a failure is far cheaper than a collection. */
    private void checkCollectedEverything(String command) throws IOException {
        List<Path> manifests = new ArrayList<>();
        Path output = command.startsWith("fleet") ? work.resolve("fleet") : work.resolve("loop");
        try (Stream<Path> files = Files.walk(output)) {
            files.filter(file -> file.getFileName().toString().equals("manifest.json")).forEach(manifests::add);
        }
        int collected = 0;
        for (Path manifest : manifests) {
            String text = Files.readString(manifest);
            if (text.contains("\"Failed\"") || text.contains("{\"Failed\"")) {
                throw new IllegalStateException(command + ": " + manifest + " lists failed databases");
            }
            collected += text.split("\"status\":\"Success\"", -1).length - 1;
        }
        if (collected != servers * databases) {
            throw new IllegalStateException(command + " collected " + collected + " databases, not " + servers * databases);
        }
    }

    /** The fleet run alone at each scale: its client CPU, peak threads, peak resident set and largest heap after a GC. */
    private String scaling(List<DelayProxy> proxies) throws IOException, InterruptedException {
        StringBuilder table = new StringBuilder("## The fleet run against the number of servers\n\n")
                .append("One run per scale, `--max-concurrency 64`, each server at most 8 databases at once; at more servers than groups, "
                        + "servers share groups (server i collects group i mod " + servers + "), so every server still has " + databases
                        + " databases. Threads: the most the JVM had at once (`/proc/<pid>/task`, every 20 ms). Heap: the live heap after a GC "
                        + "forced once a second (`jcmd GC.run`, then `GC.heap_info`), median and largest of the samples; the forced GCs "
                        + "slow these runs a little. CPU and resident set: `/usr/bin/time -v`.\n\n")
                .append("| servers | databases collected | wall | client CPU | peak threads | peak resident set | live heap, median | live heap, most |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (int scale : scales) {
            Path inventory = inventory(proxies, scale);
            List<String> command = List.of("/usr/bin/time", "-v", "-o", work.resolve("time-" + scale + ".txt").toString(), "java", "-jar", Path.of("target", "dbsurveyor.jar").toAbsolutePath().toString(), "collect", "--inventory",
                    inventory.toString(), "--output-dir", work.resolve("scale-" + scale).toString(), "--force", "-q", "--no-progress",
                    "--max-concurrency", "64");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).inheritIO().start();
            Peaks peaks = peaks(process);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("the fleet run of " + scale + " servers failed");
            }
            double wall = (System.nanoTime() - started) / 1e9;
            List<String> time = Files.readAllLines(work.resolve("time-" + scale + ".txt"));
            double cpu = seconds(time, "User time") + seconds(time, "System time");
            long rss = (long) seconds(time, "Maximum resident set size");
            String collected = Files.readString(work.resolve("scale-" + scale).resolve("fleet.json"));
            Matcher totals = Pattern.compile("\"databases_collected\":(\\d+),\"databases_failed\":(\\d+)").matcher(collected);
            if (!totals.find() || !totals.group(2).equals("0")) {
                throw new IllegalStateException("the fleet run of " + scale + " servers had failures: " + collected);
            }
            table.append(String.format(Locale.ROOT, "| %d | %s | %.1f s | %.1f s | %d | %d MiB | %d MiB | %d MiB |%n", scale, totals.group(1), wall,
                    cpu, peaks.threads(), rss / 1024, median(peaks.heaps()) / (1024 * 1024), peaks.heaps().stream().mapToLong(Long::longValue).max()
                            .orElse(0) / (1024 * 1024)));
        }
        return table.toString();
    }

    /** The most threads the JVM had at once, and its live heap after a forced GC, once a second. */
    private record Peaks(int threads, List<Long> heaps) {
    }

    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private static Peaks peaks(Process process) throws InterruptedException, IOException {
        // The command runs under /usr/bin/time: the JVM is its child.
        int most = 0;
        List<Long> heaps = new ArrayList<>();
        long nextHeap = System.nanoTime() + 1_000_000_000L;
        while (process.isAlive()) {
            for (ProcessHandle child : process.children().toList()) {
                try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(child.pid()), "task"))) {
                    most = Math.max(most, (int) tasks.count());
                } catch (IOException ended) {
                    // The JVM has just exited.
                }
                if (System.nanoTime() > nextHeap) {
                    nextHeap = System.nanoTime() + 1_000_000_000L;
                    jcmd(child.pid(), "GC.run");
                    Matcher used = HEAP_USED.matcher(jcmd(child.pid(), "GC.heap_info"));
                    if (used.find()) {
                        heaps.add(Long.parseLong(used.group(1)) * 1024);
                    }
                }
            }
            Thread.sleep(20);
        }
        return new Peaks(most, heaps);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static double seconds(List<String> time, String field) {
        return time.stream().map(String::strip).filter(line -> line.startsWith(field)).map(line -> line.substring(line.lastIndexOf(':') + 1).strip())
                .mapToDouble(Double::parseDouble).findFirst().orElseThrow();
    }

    private Path inventory(List<DelayProxy> proxies, int count) throws IOException {
        StringBuilder yaml = new StringBuilder("defaults:\n  max_concurrency: 8\nservers:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - label: server-").append(String.format(Locale.ROOT, "%03d", i)).append("\n    url: \"").append(url(proxies.get(i)))
                    .append("\"\n    include: \"").append(group(i % servers)).append("*\"\n");
        }
        Path file = work.resolve("inventory-" + count + ".yaml");
        Files.writeString(file, yaml.toString());
        return file;
    }

    private String url(DelayProxy proxy) {
        return "postgresql://" + server.user() + "@127.0.0.1:" + proxy.port() + "?sslmode=disable";
    }

    private ConnectionFactory admin() {
        return PlainConnections.to(server, "postgres");
    }

    private int ensureDatabases() {
        String template = PREFIX + "template";
        if (WideDatabase.query(admin(), "SELECT 1 FROM pg_database WHERE datname = '" + template + "'").isEmpty()) {
            WideDatabase.execute(admin(), "CREATE DATABASE \"" + template + "\"");
            WideDatabase.execute(PlainConnections.to(server, template), "DO $$ BEGIN FOR i IN 1.." + tables + " LOOP EXECUTE format("
                    + "'CREATE TABLE t%s (id int PRIMARY KEY, parent_id int REFERENCES t%s (id), label text, amount numeric(12,2), "
                    + "created_at timestamptz DEFAULT now())', i, greatest(i - 1, 1)); EXECUTE format('CREATE INDEX t%s_label_idx ON t%s (label)', i, i); "
                    + "END LOOP; END $$");
            WideDatabase.execute(PlainConnections.to(server, template), "CREATE VIEW recent AS SELECT id, label FROM t1");
            WideDatabase.execute(admin(), "ALTER DATABASE \"" + template + "\" WITH ALLOW_CONNECTIONS false");
        }
        Set<String> existing = new HashSet<>(WideDatabase.query(admin(), "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "g%'"));
        int[] made = {0};
        IntStream.range(0, servers).forEach(s -> IntStream.range(0, databases).forEach(d -> {
            String name = group(s) + String.format(Locale.ROOT, "%02d", d);
            if (!existing.contains(name)) {
                WideDatabase.execute(admin(), "CREATE DATABASE \"" + name + "\" TEMPLATE \"" + template + "\"");
                made[0]++;
            }
        }));
        return made[0];
    }

    private void drop() {
        for (String name : WideDatabase.query(admin(), "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            WideDatabase.execute(admin(), "DROP DATABASE \"" + name + "\" WITH (FORCE)");
        }
    }

    private String version() {
        return WideDatabase.query(admin(), "SHOW server_version").stream().findFirst().orElse("?");
    }

    private static String environment() throws IOException, InterruptedException {
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores shared by the servers' PostgreSQL, the latency proxies (in the "
                + "harness JVM) and the commands; JVM " + System.getProperty("java.version") + " (`java -jar`, default heap and GC); "
                + CliBenchmark.output("hyperfine", "--version") + ".\n";
    }
}
