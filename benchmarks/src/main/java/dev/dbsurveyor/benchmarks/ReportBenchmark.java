package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.output.FileTrees;
import dev.dbsurveyor.report.ReportFormat;
import dev.dbsurveyor.report.Reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code benchmarks/run report}: the report of a per-database directory of N databases (one real
 * collected document written under N names), timed as whole command runs by hyperfine beside the
 * reading floor ({@code dbsurveyor validate}) and the disk-write floor ({@code cp -r}); the peak
 * resident set and output size of a run; a JFR profile of one HTML run; and the live heap after
 * GC while the library's {@code Reports.write} writes the first 1,000, 5,000 and N databases.
 */
final class ReportBenchmark {

    static final String JAVA = "java -Xmx512m -jar target/dbsurveyor.jar";

    /** What {@code benchmarks/run report} was asked. */
    record Options(String url, int databases, int tables, int runs, List<ReportFormat> formats, Path work) {

        static Options parse(String[] args) {
            String url = "postgresql://postgres@127.0.0.1:5432";
            int databases = 10_000;
            int tables = 20;
            int runs = 3;
            List<ReportFormat> formats = List.of(ReportFormat.HTML, ReportFormat.MARKDOWN);
            Path work = Path.of("benchmarks", "target", "report");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = args[++i];
                    case "--databases" -> databases = Integer.parseInt(args[++i]);
                    case "--tables" -> tables = Integer.parseInt(args[++i]);
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--format" -> formats = formats(args[++i]);
                    case "--work" -> work = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            return new Options(url, databases, tables, runs, formats, work);
        }

        private static List<ReportFormat> formats(String value) {
            return switch (value) {
                case "html" -> List.of(ReportFormat.HTML);
                case "markdown" -> List.of(ReportFormat.MARKDOWN);
                case "both" -> List.of(ReportFormat.HTML, ReportFormat.MARKDOWN);
                default -> throw new IllegalArgumentException("--format: html, markdown or both, not " + value);
            };
        }
    }

    /** One command as hyperfine timed it; empty when it failed. */
    record Timed(String key, String label, String command, Optional<Hyperfine.Timing> timing) {
    }

    /** Files and bytes under a directory. */
    record Size(long files, long bytes) {

        static Size of(Path directory) throws IOException {
            try (Stream<Path> paths = Files.walk(directory)) {
                long[] total = new long[2];
                paths.filter(Files::isRegularFile).forEach(path -> {
                    total[0]++;
                    total[1] += path.toFile().length();
                });
                return new Size(total[0], total[1]);
            }
        }
    }

    /** One format's whole run: its peak resident set and what it wrote. */
    record Written(ReportFormat format, MaxRss.Run run, Size size) {
    }

    /** The heap after GC of one {@code Reports.write}; {@code failure} set when it threw. */
    record Heap(ReportFormat format, int databases, double seconds, int samples, long peak, long median, String failure) {
    }

    private final Options options;
    private final Path root = Path.of("").toAbsolutePath();

    private ReportBenchmark(Options options) {
        this.options = options;
    }

    static void main(String[] args) throws Exception {
        new ReportBenchmark(Options.parse(args)).run(Path.of("benchmarks", "results"));
    }

    private void run(Path results) throws Exception {
        String started = LoadBenchmark.measuredAt();
        String loadBefore = CliBenchmark.loadAverage();
        Path work = options.work();
        ManyDatabaseDirectory many = ManyDatabaseDirectory.collect(options.url(), "dbsurveyor_report_bench", options.tables(), work);
        Path input = work.resolve("collection");
        long began = System.nanoTime();
        many.write(input, options.databases());
        System.out.printf(Locale.ROOT, "wrote %,d databases into %s in %.1f s%n", options.databases(), input, (System.nanoTime() - began) / 1e9);

        List<Timed> timings = new ArrayList<>();
        timings.add(time("validate", "`" + JAVA + " validate DIR` (reads every file: the reading floor)", JAVA + " validate " + quoted(input), null));
        Path copy = work.resolve("copy");
        timings.add(time("cp", "`cp -r DIR OUT` (the disk-write floor)", "cp -r " + quoted(input) + " " + quoted(copy), copy));
        for (ReportFormat format : options.formats()) {
            timings.add(time("report-" + name(format), "`" + JAVA + " report DIR -o OUT --force -q" + formatOption(format) + "` (" + label(format) + ")",
                    JAVA + " report " + quoted(input) + " -o " + quoted(output(format)) + " --force -q" + formatOption(format), output(format)));
        }

        List<Written> written = new ArrayList<>();
        for (ReportFormat format : options.formats()) {
            FileTrees.delete(output(format));
            MaxRss.Run run = MaxRss.measure(command(List.of("report", input.toString(), "-o", output(format).toString(), "--force", "-q"), format), work);
            written.add(new Written(format, run, run.exit() == 0 ? Size.of(output(format)) : new Size(0, 0)));
        }
        Size inputSize = Size.of(input);

        Optional<JfrProfile> profile = Optional.empty();
        if (options.formats().contains(ReportFormat.HTML)) {
            Path recording = work.resolve("report.jfr");
            List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:FlightRecorderOptions:stackdepth=" + JfrProfile.STACK_DEPTH,
                    "-XX:StartFlightRecording=filename=" + recording + ",settings=profile", "-jar", "target/dbsurveyor.jar", "report",
                    input.toString(), "-o", output(ReportFormat.HTML).toString(), "--force", "-q"));
            if (new ProcessBuilder(command).inheritIO().start().waitFor() == 0) {
                profile = Optional.of(JfrProfile.of(recording));
            }
        }

        List<Heap> heaps = new ArrayList<>();
        for (ReportFormat format : options.formats()) {
            for (int size : sizes()) {
                Path source = input;
                if (size < options.databases()) {
                    source = work.resolve("first-" + size);
                    many.link(source, input, size);
                }
                heaps.add(heap(format, source, size));
            }
        }

        String machine = "Measured from " + started + " to " + LoadBenchmark.measuredAt() + " (load average " + loadBefore + " at the start, "
                + CliBenchmark.loadAverage() + " at the end). Machine: " + LoadBenchmark.host() + " (this JVM); "
                + "the commands run with `-Xmx512m`; " + CliBenchmark.output("hyperfine", "--version") + ".";
        String text = new ReportResults(options, many.documentBytes(), inputSize, machine, timings, written, profile, heaps).markdown();
        Files.createDirectories(results);
        Files.writeString(results.resolve("report-" + options.databases() + "x" + options.tables() + ".md"), text);
        System.out.print(text);
    }

    private Timed time(String key, String label, String command, Path output) throws IOException, InterruptedException {
        String prepare = output == null ? "sync" : "rm -rf " + quoted(output) + " && sync";
        System.out.printf("%n== %s%n", label);
        return new Timed(key, label, command, Hyperfine.time(root, key, command, prepare, 1, options.runs(), options.work().resolve(key + ".json"), Map.of()));
    }

    private Heap heap(ReportFormat format, Path source, int size) throws IOException {
        Path output = options.work().resolve("heap-" + name(format));
        ManyDatabaseDirectory.empty(output);
        List<String> names = IntStream.range(0, size).mapToObj(ManyDatabaseDirectory::name).toList();
        long began = System.nanoTime();
        try (HeapAfterGc heap = new HeapAfterGc(size); PagesWritten pages = new PagesWritten(output, names, heap::databaseDone)) {
            try {
                Reports.write(source, output, format, true, Clock.systemUTC());
            } catch (RuntimeException e) {
                return new Heap(format, size, 0, 0, 0, 0, e.toString());
            }
            Heap result = new Heap(format, size, (System.nanoTime() - began) / 1e9, heap.samples(), heap.peakBytes(), heap.medianBytes(), null);
            System.out.printf(Locale.ROOT, "%s, %,d databases: heap after GC peak %.1f MiB, median %.1f MiB (%d samples)%n", name(format), size,
                    result.peak() / 1048576.0, result.median() / 1048576.0, result.samples());
            return result;
        }
    }

    private List<Integer> sizes() {
        return Stream.of(1_000, 5_000, options.databases()).filter(size -> size <= options.databases()).distinct().toList();
    }

    private Path output(ReportFormat format) {
        return options.work().resolve("report-" + name(format));
    }

    private static List<String> command(List<String> arguments, ReportFormat format) {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", "target/dbsurveyor.jar"));
        command.addAll(arguments);
        if (format == ReportFormat.MARKDOWN) {
            command.addAll(List.of("--format", "markdown"));
        }
        return command;
    }

    static String name(ReportFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    static String label(ReportFormat format) {
        return format == ReportFormat.HTML ? "HTML" : "Markdown";
    }

    private static String formatOption(ReportFormat format) {
        return format == ReportFormat.MARKDOWN ? " --format markdown" : "";
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
