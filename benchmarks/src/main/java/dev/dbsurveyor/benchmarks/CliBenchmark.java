package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.server.ServerTarget;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code benchmarks/run cli}: whole command runs, JVM start included, timed by hyperfine cell by
 * cell, every contender of a cell one after another in the same run: dbsurveyor as
 * {@code java -jar}, through the {@code ./dbsurveyor} launcher and (with {@code --baseline}) as an
 * earlier revision's jar; pg_dump or mysqldump; SchemaCrawler as a command of its own; the limit
 * (the collector's catalog SQL in one psql round trip); and {@code java -version}. Keeps every
 * dbsurveyor contender's documents and compares their content; writes {@code results/cli.md}.
 */
final class CliBenchmark {

    /** One contender of one cell, as hyperfine measured it; a null timing when the command failed. */
    record Measured(String key, String label, String command, Hyperfine.Timing timing, List<Double> serverCpu, long bytes) {

        boolean failed() {
            return timing == null;
        }

        Optional<Double> medianServerCpu() {
            if (serverCpu.isEmpty()) {
                return Optional.empty();
            }
            List<Double> sorted = serverCpu.stream().sorted().toList();
            return Optional.of(sorted.get(sorted.size() / 2));
        }
    }

    /** A command to time, and the directory it writes into (emptied before each run), if any. */
    private record Command(String key, String label, String line, Path output) {
    }

    static final String JAR = "jar";
    static final String LAUNCHER = "launcher";
    static final String BASELINE = "baseline";
    static final String DUMP = "dump";
    static final String SCHEMACRAWLER = "schemacrawler";
    static final String LIMIT = "limit";
    static final String JAVA_VERSION = "java-version";

    private static final Path WORK = Path.of("benchmarks", "target", "cli");
    private static final List<String> TOOLS = List.of("hyperfine", "pg_dump", "psql", "mysqldump");

    private final CliOptions options;
    private final ServerTarget postgres;
    private final ServerTarget mysql;
    private final Path root = Path.of("").toAbsolutePath();

    CliBenchmark(CliOptions options) {
        this.options = options;
        this.postgres = ServerTarget.parse(options.url());
        this.mysql = ServerTarget.parse(options.mysqlUrl());
    }

    /** Runs the benchmark; bad options or a missing tool: one line and exit 2. */
    static void main(String[] args, Path results) throws Exception {
        requireTools();
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("benchmarks/run cli: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value" : e.getMessage())
                    + "; usage: benchmarks/run cli [--url URL] [--mysql-url URL] [--runs N] [--cells "
                    + String.join(",", CliCell.ALL.stream().map(CliCell::key).toList()) + "] [--baseline REV] [--drop]");
            System.exit(2);
            return;
        }
        try {
            new CliBenchmark(options).run(results);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks/run cli: " + e.getMessage());
            System.exit(2);
        }
    }

    /** The tools the harness runs, each on the PATH; else one line naming the first missing and exit 2. */
    private static void requireTools() {
        for (String tool : TOOLS) {
            boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .anyMatch(directory -> Files.isExecutable(Path.of(directory, tool)));
            if (!found) {
                System.err.println("benchmarks/run cli needs " + tool + " on the PATH (" + String.join(", ", TOOLS) + ")");
                System.exit(2);
            }
        }
    }

    void run(Path results) throws Exception {
        List<CliCell> cells = CliCell.ALL.stream().filter(cell -> options.cells().contains(cell.key())).toList();
        Path baseline = options.baseline() == null ? null : BaselineJar.of(root, options.baseline());
        CliWorkloads workloads = new CliWorkloads(postgres, mysql);
        workloads.ensure(cells);
        Files.createDirectories(root.resolve(WORK));
        Files.write(root.resolve(WORK).resolve("sweep-databases.txt"), CliWorkloads.sweepDatabases());
        Optional<ServerCpu> postgresCpu = ServerCpu.postgres(PlainConnections.to(postgres, postgres.defaultDatabase()));
        Optional<ServerCpu> mysqlCpu = cells.stream().anyMatch(CliCell::mysql)
                ? ServerCpu.mysql(PlainConnections.toMySql(mysql, null)) : Optional.empty();
        Map<String, String> environment = environment();
        String started = LoadBenchmark.measuredAt();
        String loadBefore = loadAverage();
        Map<CliCell, List<Measured>> measured = new LinkedHashMap<>();
        Map<CliCell, Map<String, String>> content = new LinkedHashMap<>();
        try {
            for (CliCell cell : cells) {
                Optional<ServerCpu> cpu = cell.mysql() ? mysqlCpu : postgresCpu;
                List<Measured> cellResults = new ArrayList<>();
                if (cell.latencyMillis() > 0) {
                    try (DelayProxy proxy = new DelayProxy(postgres.host(), postgres.port(), cell.latencyMillis())) {
                        for (Command command : commands(cell, "127.0.0.1", proxy.port(), baseline)) {
                            cellResults.add(time(cell, command, cpu, environment));
                        }
                    }
                } else {
                    ServerTarget server = cell.mysql() ? mysql : postgres;
                    for (Command command : commands(cell, server.host(), server.port(), baseline)) {
                        cellResults.add(time(cell, command, cpu, environment));
                    }
                }
                measured.put(cell, cellResults);
                content.put(cell, compareContent(cell, baseline != null));
            }
        } finally {
            if (options.drop()) {
                workloads.drop();
            }
        }
        String report = new CliReport(options, measured, content, machine(started, loadBefore)).markdown();
        Files.createDirectories(results);
        Files.writeString(results.resolve("cli.md"), report);
        System.out.print(report);
    }

    private Measured time(CliCell cell, Command command, Optional<ServerCpu> cpu, Map<String, String> environment) throws Exception {
        Path cellDirectory = root.resolve(WORK).resolve(cell.key());
        Files.createDirectories(cellDirectory);
        Path log = cellDirectory.resolve(command.key() + ".server-cpu");
        Files.deleteIfExists(log);
        List<String> prepare = new ArrayList<>();
        cpu.ifPresent(server -> prepare.add(server.appendTicks(log)));
        if (command.output() != null) {
            prepare.add("rm -rf '" + command.output() + "' && mkdir -p '" + command.output() + "'");
        }
        // A SchemaCrawler run takes minutes: one, after the cell's other contenders have brought the catalog into the caches.
        boolean once = command.key().equals(SCHEMACRAWLER);
        int runs = once ? 1 : cell.runs(options.runs());
        System.out.printf("%n== %s: %s%n", cell.label(), command.label());
        Optional<Hyperfine.Timing> timing = Hyperfine.time(root, command.label(), command.line(),
                prepare.isEmpty() ? null : String.join("; ", prepare), once ? 0 : 1, runs, cellDirectory.resolve(command.key() + ".json"), environment);
        List<Double> serverCpu = cpu.isPresent() && timing.isPresent() ? cpu.get().perRun(log, cpu.get().ticks(), runs) : List.of();
        return new Measured(command.key(), command.label(), masked(command.line()), timing.orElse(null), serverCpu,
                command.output() == null ? 0 : bytes(root.resolve(command.output())));
    }

    private List<Command> commands(CliCell cell, String host, int port, Path baseline) {
        Path directory = WORK.resolve(cell.key());
        List<Command> commands = new ArrayList<>();
        String arguments = dbsurveyorArguments(cell, host, port);
        commands.add(new Command(JAR, "dbsurveyor, java -jar", "java -jar target/dbsurveyor.jar collect "
                + arguments.replace("@OUT@", directory.resolve(JAR).toString()), directory.resolve(JAR)));
        commands.add(new Command(LAUNCHER, "dbsurveyor, launcher", "./dbsurveyor collect "
                + arguments.replace("@OUT@", directory.resolve(LAUNCHER).toString()), directory.resolve(LAUNCHER)));
        if (baseline != null) {
            commands.add(new Command(BASELINE, "dbsurveyor at " + options.baseline(), "java -jar " + baseline + " collect "
                    + arguments.replace("@OUT@", directory.resolve(BASELINE).toString()), directory.resolve(BASELINE)));
        }
        Path dumps = directory.resolve(DUMP);
        if (cell.mysql()) {
            commands.add(new Command(DUMP, "mysqldump --no-data", "mysqldump --no-data -h " + host + " -P " + port + " -u '" + mysql.user()
                    + "' " + cell.database() + " --result-file=" + dumps.resolve(cell.database() + ".sql"), dumps));
        } else {
            String connection = "-h " + host + " -p " + port + " -U '" + postgres.user() + "'";
            String list = WORK.resolve("sweep-databases.txt").toString();
            if (cell.sweep()) {
                commands.add(new Command(DUMP, "pg_dump -s, 8 at once", "xargs -a " + list + " -P 8 -I{} pg_dump -s " + connection
                        + " -d {} -f " + dumps + "/{}.sql", dumps));
                commands.add(new Command(LIMIT, "limit: catalog SQL in one round trip, " + cell.concurrency() + " at once", "xargs -a " + list
                        + " -P " + cell.concurrency() + " -I{} psql -X -q -A -t " + connection + " -d {} -c \"$DBSURVEYOR_CATALOG_SQL\" > /dev/null", null));
            } else {
                commands.add(new Command(DUMP, "pg_dump -s", "pg_dump -s " + connection + " -d " + cell.database() + " -f "
                        + dumps.resolve(cell.database() + ".sql"), dumps));
                commands.add(new Command(LIMIT, "limit: catalog SQL in one round trip", "psql -X -q -A -t " + connection + " -d "
                        + cell.database() + " -c \"$DBSURVEYOR_CATALOG_SQL\" > /dev/null", null));
            }
        }
        if (cell.schemaCrawler()) {
            Path crawled = directory.resolve(SCHEMACRAWLER);
            commands.add(new Command(SCHEMACRAWLER, "SchemaCrawler, own JVM", "java -cp \"$DBSURVEYOR_BENCH_CLASSPATH\" "
                    + SchemaCrawlerCommand.class.getName() + " 'jdbc:postgresql://" + host + ":" + port + "/" + cell.database() + "' '"
                    + postgres.user() + "' " + crawled.resolve(cell.database() + ".ser"), crawled));
        }
        commands.add(new Command(JAVA_VERSION, "java -version", "java -version", null));
        return commands;
    }

    /** What follows {@code collect} for every dbsurveyor contender; {@code @OUT@} stands for its output directory. */
    private String dbsurveyorArguments(CliCell cell, String host, int port) {
        ServerTarget server = cell.mysql() ? mysql : postgres;
        String credentials = encode(server.user()) + server.passwordFor(null).map(secret -> ":" + encode(secret.reveal())).orElse("");
        String base = (cell.mysql() ? "mysql" : "postgresql") + "://" + credentials + "@" + host + ":" + port;
        if (cell.sweep()) {
            return "'" + base + "' --include '" + CliWorkloads.SWEEP_GLOB + "' --output-dir @OUT@ --max-concurrency " + cell.concurrency()
                    + " --max-connections " + cell.concurrency();
        }
        return "'" + base + "/" + cell.database() + "' -o @OUT@/" + cell.database() + ".dbsurveyor.json";
    }

    private Map<String, String> environment() throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("DBSURVEYOR_CATALOG_SQL", CatalogRoundTrip.sql());
        environment.put("DBSURVEYOR_BENCH_CLASSPATH", "benchmarks/target/classes:"
                + Files.readString(root.resolve("benchmarks/target/classpath.txt")).strip());
        postgres.passwordFor(null).ifPresent(secret -> environment.put("PGPASSWORD", secret.reveal()));
        mysql.passwordFor(null).ifPresent(secret -> environment.put("MYSQL_PWD", secret.reveal()));
        return environment;
    }

    /** Per dbsurveyor contender other than {@code java -jar}: "same content" or the first difference from the java -jar's documents. */
    private Map<String, String> compareContent(CliCell cell, boolean baseline) throws IOException {
        Path directory = root.resolve(WORK).resolve(cell.key());
        Map<String, String> verdicts = new LinkedHashMap<>();
        List<String> others = baseline ? List.of(LAUNCHER, BASELINE) : List.of(LAUNCHER);
        for (String other : others) {
            verdicts.put(other, JsonContent.firstDifference(directory.resolve(JAR), directory.resolve(other))
                    .map(pointer -> "differs at " + pointer).orElse("same content"));
        }
        return verdicts;
    }

    private static long bytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private String masked(String line) {
        String masked = line;
        for (ServerTarget server : List.of(postgres, mysql)) {
            Optional<String> password = server.passwordFor(null).map(secret -> encode(secret.reveal()));
            if (password.isPresent()) {
                masked = masked.replace(":" + password.get() + "@", ":***@");
            }
        }
        return masked;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private String machine(String started, String loadBefore) throws IOException, InterruptedException {
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").findFirst().orElse("?");
        String postgresVersion = WideDatabase.query(PlainConnections.to(postgres, postgres.defaultDatabase()), "SHOW server_version").get(0);
        String mysqlVersion;
        try {
            mysqlVersion = WideDatabase.query(PlainConnections.toMySql(mysql, null), "SELECT VERSION()").get(0);
        } catch (RuntimeException e) {
            mysqlVersion = "not reached";
        }
        return "Measured from " + started + " to " + LoadBenchmark.measuredAt() + " (load average " + loadBefore + " at the start, "
                + loadAverage() + " at the end). Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memory
                + " of memory, " + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; JVM "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " (the `java` on the PATH, default heap); "
                + output("hyperfine", "--version") + ", " + output("pg_dump", "--version") + ", " + output("mysqldump", "--version")
                + "; PostgreSQL " + postgresVersion + " and MariaDB/MySQL " + mysqlVersion + " on the same host over TCP loopback. "
                + "The machine's cores are shared with the servers, the latency proxy (in the harness JVM) and other work, "
                + "so the figures are provisional.";
    }

    static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return text.lines().findFirst().orElse(command[0]);
    }
}
