package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.report.ReportFormat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The markdown of {@code results/report-<databases>x<tables>.md}. */
final class ReportResults {

    /** The report of 10,000 databases × 20 tables is to be written in under this many seconds. */
    private static final double TARGET_SECONDS = 60;
    private static final int TARGET_DATABASES = 10_000;

    private final ReportBenchmark.Options options;
    private final long documentBytes;
    private final ReportBenchmark.Size input;
    private final String machine;
    private final List<ReportBenchmark.Timed> timings;
    private final List<ReportBenchmark.Written> written;
    private final Optional<JfrProfile> profile;
    private final List<ReportBenchmark.Heap> heaps;

    ReportResults(ReportBenchmark.Options options, long documentBytes, ReportBenchmark.Size input, String machine,
                  List<ReportBenchmark.Timed> timings, List<ReportBenchmark.Written> written, Optional<JfrProfile> profile,
                  List<ReportBenchmark.Heap> heaps) {
        this.options = options;
        this.documentBytes = documentBytes;
        this.input = input;
        this.machine = machine;
        this.timings = timings;
        this.written = written;
        this.profile = profile;
        this.heaps = heaps;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# report: a directory of ").append(count(options.databases())).append(" databases × ").append(options.tables())
                .append(" tables\n\n");
        out.append("`benchmarks/run report --databases ").append(options.databases()).append(" --tables ").append(options.tables())
                .append(" --runs ").append(options.runs()).append(" --format ").append(formats()).append("`. One real ")
                .append(options.tables()).append("-table PostgreSQL database collected once (").append(documentBytes / 1024)
                .append(" KiB of JSON), written under ").append(count(options.databases())).append(" names into a per-database directory (")
                .append(count(input.files())).append(" files, ").append(mib(input.bytes()))
                .append("), which the runs read from the page cache. ").append(machine).append("\n\n");
        timings(out);
        memory(out);
        heap(out);
        profile(out);
        return out.toString();
    }

    private void timings(StringBuilder out) {
        out.append("Whole command runs, timed by hyperfine: one warm-up, then ").append(options.runs())
                .append(" runs each, one command after another; before every run the command's output is removed and `sync` run.\n\n");
        out.append("| command | median wall | range | user + system CPU | per database |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (ReportBenchmark.Timed timed : timings) {
            out.append("| ").append(timed.label()).append(" | ");
            if (timed.timing().isEmpty()) {
                out.append("failed | | | |\n");
                continue;
            }
            Hyperfine.Timing timing = timed.timing().get();
            double min = timing.wall().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = timing.wall().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            out.append(String.format(Locale.ROOT, "%.2f s | %.2f–%.2f s | %.2f s | %.2f ms |%n", timing.medianWall(), min, max, timing.cpu(),
                    timing.medianWall() * 1000 / options.databases()));
        }
        out.append("\nThe command lines, from the repository's root (`benchmarks/run` builds `target/dbsurveyor.jar`):\n\n");
        timings.forEach(timed -> out.append("- `").append(timed.command()).append("`\n"));
        Optional<Double> validate = median("validate");
        Optional<Double> copy = median("cp");
        out.append('\n');
        for (ReportFormat format : options.formats()) {
            Optional<Double> report = median("report-" + ReportBenchmark.name(format));
            if (report.isEmpty()) {
                continue;
            }
            out.append("- ").append(ReportBenchmark.label(format)).append(": ");
            validate.ifPresent(floor -> out.append(String.format(Locale.ROOT, "%.2f times validate, ", report.get() / floor)));
            copy.ifPresent(floor -> out.append(String.format(Locale.ROOT, "%.1f times cp; ", report.get() / floor)));
            double atTarget = report.get() * TARGET_DATABASES / options.databases();
            if (options.databases() == TARGET_DATABASES) {
                out.append(String.format(Locale.ROOT, "%.1f s against the target of under %.0f s: %s.%n", report.get(), TARGET_SECONDS,
                        report.get() < TARGET_SECONDS ? "met" : "not met"));
            } else {
                out.append(String.format(Locale.ROOT, "%.1f s at %s databases if it grows linearly (target: under %.0f s).%n", atTarget,
                        count(TARGET_DATABASES), TARGET_SECONDS));
            }
        }
        out.append('\n');
    }

    private void memory(StringBuilder out) {
        out.append("One more run of each report, alone, for its peak resident set and what it wrote:\n\n");
        out.append("| report | wall | max RSS | files written | bytes written |\n| --- | ---: | ---: | ---: | ---: |\n");
        String source = "";
        for (ReportBenchmark.Written run : written) {
            source = run.run().source();
            out.append("| ").append(ReportBenchmark.label(run.format())).append(" | ");
            if (run.run().exit() != 0) {
                out.append("exit ").append(run.run().exit()).append(" | | | |\n");
                continue;
            }
            out.append(String.format(Locale.ROOT, "%.1f s | %s | %s | %s |%n", run.run().seconds(), mib(run.run().kib() * 1024),
                    count(run.size().files()), mib(run.size().bytes())));
        }
        out.append("\nMax RSS from ").append(source).append("; the input is ").append(count(input.files())).append(" files, ")
                .append(mib(input.bytes())).append(".\n\n");
    }

    private void heap(StringBuilder out) {
        out.append("Heap in use after a forced full GC, sampled at ").append(HeapAfterGc.SAMPLES)
                .append(" evenly spaced points of the library's `Reports.write` (this JVM, `-Xmx2g`) over the first N databases, ")
                .append("progress read from the pages appearing in the report's staging directory:\n\n");
        out.append("| report | databases | wall (with forced GCs) | samples | heap after GC, peak | median |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (ReportBenchmark.Heap heap : heaps) {
            out.append("| ").append(ReportBenchmark.label(heap.format())).append(" | ").append(count(heap.databases())).append(" | ");
            if (heap.failure() != null) {
                out.append("failed: ").append(heap.failure().replace("|", "\\|")).append(" | | | |\n");
                continue;
            }
            out.append(String.format(Locale.ROOT, "%.1f s | %d | %s | %s |%n", heap.seconds(), heap.samples(), mib(heap.peak()), mib(heap.median())));
        }
        for (ReportFormat format : options.formats()) {
            List<ReportBenchmark.Heap> measured = heaps.stream().filter(heap -> heap.format() == format && heap.failure() == null).toList();
            if (measured.size() > 1) {
                ReportBenchmark.Heap first = measured.get(0);
                ReportBenchmark.Heap last = measured.get(measured.size() - 1);
                out.append(String.format(Locale.ROOT, "%n%s: from %s to %s databases the median grows %.2f times and the peak %.2f times.", 
                        ReportBenchmark.label(format), count(first.databases()), count(last.databases()),
                        (double) last.median() / first.median(), (double) last.peak() / first.peak()));
            }
        }
        out.append("\n\n");
    }

    private void profile(StringBuilder out) {
        out.append("## What the profile showed\n\n");
        if (profile.isEmpty()) {
            out.append("No HTML run was profiled.\n");
            return;
        }
        JfrProfile jfr = profile.get();
        out.append("One HTML run with `-XX:StartFlightRecording=settings=profile` (stack depth ").append(JfrProfile.STACK_DEPTH)
                .append("), its `jdk.ExecutionSample` events (`jfr print`) aggregated: ").append(count(jfr.samples()))
                .append(" CPU samples of Java threads.\n\n");
        table(out, "dbsurveyor method on the stack (inclusive)", jfr.project(20), jfr.samples());
        table(out, "method on top of the stack (self)", jfr.top(20), jfr.samples());
        table(out, "package on top of the stack (self)", jfr.topPackages(12), jfr.samples());
    }

    private static void table(StringBuilder out, String heading, List<JfrProfile.Count> counts, int samples) {
        out.append("| ").append(heading).append(" | samples | share |\n| --- | ---: | ---: |\n");
        counts.forEach(count -> out.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f %% |%n", count.name(), count.samples(),
                100.0 * count.samples() / samples)));
        out.append('\n');
    }

    private Optional<Double> median(String key) {
        return timings.stream().filter(timed -> timed.key().equals(key)).findFirst().flatMap(ReportBenchmark.Timed::timing)
                .map(Hyperfine.Timing::medianWall);
    }

    private String formats() {
        return options.formats().size() == 2 ? "both" : ReportBenchmark.name(options.formats().get(0));
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
