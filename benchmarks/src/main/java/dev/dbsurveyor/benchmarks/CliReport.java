package dev.dbsurveyor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The markdown report of {@code benchmarks/run cli}: the cells side by side, the details, the targets, the content check. */
final class CliReport {

    private static final List<String> COLUMNS = List.of(CliBenchmark.JAR, CliBenchmark.LAUNCHER, CliBenchmark.BASELINE, CliBenchmark.DUMP,
            CliBenchmark.SCHEMACRAWLER, CliBenchmark.LIMIT, CliBenchmark.JAVA_VERSION);
    private static final List<String> DBSURVEYOR = List.of(CliBenchmark.JAR, CliBenchmark.LAUNCHER, CliBenchmark.BASELINE);

    private final CliOptions options;
    private final Map<CliCell, List<CliBenchmark.Measured>> measured;
    private final Map<CliCell, Map<String, String>> content;
    private final String machine;
    private final int cores = Runtime.getRuntime().availableProcessors();

    CliReport(CliOptions options, Map<CliCell, List<CliBenchmark.Measured>> measured, Map<CliCell, Map<String, String>> content, String machine) {
        this.options = options;
        this.measured = measured;
        this.content = content;
        this.machine = machine;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# The command line as users run it, beside the peers and the limit\n\n");
        out.append("`benchmarks/run cli").append(options.baseline() == null ? "" : " --baseline " + options.baseline())
                .append(options.runs() == null ? "" : " --runs " + options.runs())
                .append("`: whole command runs, JVM start included, timed by hyperfine (one warm-up, then ")
                .append(options.runs() == null ? "5 runs in short cells and 3 in long ones" : options.runs() + " runs")
                .append("; SchemaCrawler, whose run takes minutes, one run without a warm-up after the cell's other contenders); median wall time in seconds. *pg_dump* is `mysqldump --no-data` in the MariaDB cell; *limit* is dbsurveyor's ")
                .append("own catalog SQL for a database sent by `psql` in one round trip.\n\n");
        boolean baseline = options.baseline() != null;
        out.append("| cell | dbsurveyor, java -jar | dbsurveyor, launcher |").append(baseline ? " dbsurveyor at " + options.baseline() + " |" : "")
                .append(" pg_dump | SchemaCrawler | limit | java -version |\n");
        out.append("| --- |").append(" ---: |".repeat(baseline ? 7 : 6)).append('\n');
        for (Map.Entry<CliCell, List<CliBenchmark.Measured>> cell : measured.entrySet()) {
            out.append("| ").append(cell.getKey().label()).append(" |");
            for (String column : COLUMNS) {
                if (column.equals(CliBenchmark.BASELINE) && !baseline) {
                    continue;
                }
                boolean failed = cell.getValue().stream().anyMatch(m -> m.key().equals(column) && m.failed());
                out.append(' ').append(find(cell.getValue(), column).map(m -> seconds(m.timing().medianWall())).orElse(failed ? "failed" : ""))
                        .append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
        targets(out);
        marginal(out);
        contentCheck(out);
        details(out);
        out.append("## How it was measured\n\n");
        out.append("Client CPU is hyperfine's user + system time of the command and its children (mean over the runs). Server CPU ")
                .append("is read from the server process's `/proc/<pid>/stat` before each run and after the last: `utime + stime + cutime + ")
                .append("cstime`, divided by `getconf CLK_TCK`. PostgreSQL runs each connection in a backend process that the postmaster ")
                .append("reaps when it ends, so the backends' CPU lands in the postmaster's `cutime`/`cstime`; anything else the server ")
                .append("finished meanwhile (an autovacuum worker) is counted too. The latency proxy runs in the harness JVM, so its CPU ")
                .append("is in neither. Marginal client CPU per database = (client CPU of the 200-database run − client CPU of the ")
                .append("1 × 20 run) / 199, per dbsurveyor contender. Content: the launcher's (and the baseline's) documents, parsed, ")
                .append("against the java -jar's, without ").append(String.join(", ", JsonContent.VOLATILE.stream().sorted().toList()))
                .append(" (at any depth); the manifest's databases by name.\n\n");
        out.append(machine).append('\n');
        return out.toString();
    }

    private void targets(StringBuilder out) {
        List<String> lines = new ArrayList<>();
        cell("10000t").ifPresent(cell -> {
            ratio(cell, CliBenchmark.LAUNCHER, CliBenchmark.LIMIT).ifPresent(r -> lines.add(verdict("1 × 10,000 tables: launcher / limit",
                    r, r <= 1.5, "≤ 1.5")));
            ratio(cell, CliBenchmark.DUMP, CliBenchmark.LAUNCHER).ifPresent(r -> lines.add(verdict("1 × 10,000 tables: pg_dump / launcher",
                    r, r >= 1.5, "≥ 1.5")));
        });
        cell("1000t-5ms").ifPresent(cell -> {
            ratio(cell, CliBenchmark.DUMP, CliBenchmark.LAUNCHER).ifPresent(r -> lines.add(verdict("1 × 1,000 at 5 ms: pg_dump / launcher",
                    r, r >= 20, "≥ 20")));
            ratio(cell, CliBenchmark.SCHEMACRAWLER, CliBenchmark.LAUNCHER).ifPresent(r -> lines.add(verdict(
                    "1 × 1,000 at 5 ms: SchemaCrawler / launcher", r, r >= 50, "≥ 50")));
        });
        cell("20t").ifPresent(cell -> find(measured.get(cell), CliBenchmark.LAUNCHER).ifPresent(launcher -> {
            double wall = launcher.timing().medianWall();
            String floor = find(measured.get(cell), CliBenchmark.JAVA_VERSION).map(m -> " (`java -version`: " + seconds(m.timing().medianWall())
                    + " s)").orElse("");
            lines.add(String.format(Locale.ROOT, "1 × 20 tables: launcher %s s%s, target < 0.5 s: **%s**", seconds(wall), floor,
                    wall < 0.5 ? "met" : "not met"));
        }));
        cell("sweep-5ms-c16").ifPresent(cell -> {
            Optional<CliBenchmark.Measured> launcher = find(measured.get(cell), CliBenchmark.LAUNCHER);
            Optional<CliBenchmark.Measured> java = find(measured.get(cell), CliBenchmark.JAVA_VERSION);
            if (launcher.isPresent() && java.isPresent() && launcher.get().medianServerCpu().isPresent()) {
                double server = launcher.get().medianServerCpu().get();
                double bound = (server + java.get().timing().cpu()) / cores;
                double r = launcher.get().timing().medianWall() / bound;
                lines.add(String.format(Locale.ROOT, "200 × 20 at 5 ms, c16: launcher wall %s s / ((server CPU %s s + `java -version` CPU %s s) "
                                + "/ %d cores = %s s) = %.2f, target ≤ 1.3: **%s**", seconds(launcher.get().timing().medianWall()), seconds(server),
                        seconds(java.get().timing().cpu()), cores, seconds(bound), r, r <= 1.3 ? "met" : "not met"));
            }
            ratio(cell, CliBenchmark.DUMP, CliBenchmark.LAUNCHER).ifPresent(r -> lines.add(verdict(
                    "200 × 20 at 5 ms, c16: 8 × pg_dump / launcher", r, r >= 10, "≥ 10")));
            marginalMillis(cell, CliBenchmark.LAUNCHER).ifPresent(ms -> lines.add(String.format(Locale.ROOT,
                    "200 × 20 at 5 ms, c16: marginal client CPU per database (launcher) %.2f ms, target < 5 ms: **%s**", ms,
                    ms < 5 ? "met" : "not met")));
        });
        cell("mariadb-1000t").ifPresent(cell -> ratio(cell, CliBenchmark.DUMP, CliBenchmark.LAUNCHER).ifPresent(r -> lines.add(
                verdict("MariaDB 1 × 1,000: mysqldump / launcher", r, r >= 3, "≥ 3"))));
        if (!lines.isEmpty()) {
            out.append("## Targets\n\n");
            lines.forEach(line -> out.append("- ").append(line).append('\n'));
            out.append('\n');
        }
    }

    private void marginal(StringBuilder out) {
        List<String> rows = new ArrayList<>();
        for (String sweep : List.of("sweep-c8", "sweep-5ms-c16")) {
            cell(sweep).ifPresent(cell -> {
                for (String contender : DBSURVEYOR) {
                    Optional<CliBenchmark.Measured> run = find(measured.get(cell), contender);
                    Optional<Double> ms = marginalMillis(cell, contender);
                    if (run.isPresent() && ms.isPresent()) {
                        rows.add(String.format(Locale.ROOT, "| %s | %s | %s s | %s | %.2f ms |", cell.label(), run.get().label(),
                                seconds(run.get().timing().cpu()), run.get().medianServerCpu().map(s -> seconds(s) + " s").orElse("n/a"), ms.get()));
                    }
                }
            });
        }
        if (!rows.isEmpty()) {
            out.append("## Sweeps: CPU\n\n| cell | contender | client CPU | server CPU (median) | marginal client CPU per database |\n")
                    .append("| --- | --- | ---: | ---: | ---: |\n");
            rows.forEach(row -> out.append(row).append('\n'));
            out.append('\n');
        }
    }

    private void contentCheck(StringBuilder out) {
        out.append("## Content check (against the java -jar's documents)\n\n| cell | launcher |")
                .append(options.baseline() == null ? "" : " at " + options.baseline() + " |").append('\n')
                .append("| --- | --- |").append(options.baseline() == null ? "" : " --- |").append('\n');
        content.forEach((cell, verdicts) -> {
            out.append("| ").append(cell.label()).append(" |");
            verdicts.values().forEach(verdict -> out.append(' ').append(verdict).append(" |"));
            out.append('\n');
        });
        out.append('\n');
    }

    private void details(StringBuilder out) {
        out.append("## Per cell\n\n");
        measured.forEach((cell, results) -> {
            out.append("### ").append(cell.label()).append("\n\n");
            out.append("| contender | wall, median | min … max | client CPU (user + sys) | server CPU, median | bytes written |\n");
            out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
            for (CliBenchmark.Measured m : results) {
                if (m.failed()) {
                    out.append("| ").append(m.label()).append(" | failed | | | | |\n");
                    continue;
                }
                double min = m.timing().wall().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                double max = m.timing().wall().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                out.append(String.format(Locale.ROOT, "| %s | %s s | %s … %s s | %s s (%s + %s) | %s | %s |%n", m.label(),
                        seconds(m.timing().medianWall()), seconds(min), seconds(max), seconds(m.timing().cpu()), seconds(m.timing().user()),
                        seconds(m.timing().system()), m.medianServerCpu().map(s -> seconds(s) + " s").orElse("n/a"),
                        m.bytes() == 0 ? "" : String.format(Locale.ROOT, "%,d", m.bytes())));
            }
            out.append("\n```sh\n");
            results.forEach(m -> out.append(m.command()).append('\n'));
            out.append("```\n\n");
        });
    }

    private Optional<Double> marginalMillis(CliCell sweep, String contender) {
        Optional<CliBenchmark.Measured> many = find(measured.get(sweep), contender);
        Optional<CliBenchmark.Measured> one = cell("20t").flatMap(cell -> find(measured.get(cell), contender));
        if (many.isEmpty() || one.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((many.get().timing().cpu() - one.get().timing().cpu()) / (CliWorkloads.SWEEP_DATABASES - 1) * 1000);
    }

    private Optional<Double> ratio(CliCell cell, String numerator, String denominator) {
        Optional<CliBenchmark.Measured> top = find(measured.get(cell), numerator);
        Optional<CliBenchmark.Measured> bottom = find(measured.get(cell), denominator);
        if (top.isEmpty() || bottom.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(top.get().timing().medianWall() / bottom.get().timing().medianWall());
    }

    private static String verdict(String what, double ratio, boolean met, String target) {
        return String.format(Locale.ROOT, "%s = %.2f, target %s: **%s**", what, ratio, target, met ? "met" : "not met");
    }

    private Optional<CliCell> cell(String key) {
        return measured.keySet().stream().filter(cell -> cell.key().equals(key)).findFirst();
    }

    private static Optional<CliBenchmark.Measured> find(List<CliBenchmark.Measured> results, String key) {
        return results.stream().filter(m -> m.key().equals(key) && !m.failed()).findFirst();
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.3f" : "%.2f", value);
    }
}
