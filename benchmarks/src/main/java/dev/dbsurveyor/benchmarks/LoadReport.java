package dev.dbsurveyor.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The markdown report of a load run: how it was measured, every cell, the targets, the machine. */
final class LoadReport {

    private final LoadBenchmark.Options options;
    private final String serverVersion;
    private final boolean postgres;
    private final List<LoadBenchmark.Cell> cells;
    private final List<String> floors;
    private final String name;

    LoadReport(LoadBenchmark.Options options, String serverVersion, boolean postgres, List<LoadBenchmark.Cell> cells, List<String> floors,
               String name) {
        this.options = options;
        this.serverVersion = serverVersion;
        this.postgres = postgres;
        this.cells = cells;
        this.floors = floors;
        this.name = name;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Load: ").append(options.scale().label()).append(" on ").append(postgres ? "PostgreSQL" : "MySQL/MariaDB").append("\n\n");
        out.append("Measured ").append(LoadBenchmark.measuredAt()).append(" with `benchmarks/run load --scale ")
                .append(options.scale().name().toLowerCase(Locale.ROOT)).append(postgres ? "" : " --url mysql://…").append("`: ")
                .append(options.scale().databases).append(" database(s) of ").append(options.scale().tables)
                .append(" tables (each with a primary key, a foreign key to the table before it and an index; a view, a function and a "
                        + "trigger per database). Every contender reads the same databases, in the same order, through the same latency "
                        + "proxy, one cell after another; a cell starts no database after ").append(options.budget().toSeconds())
                .append(" s, so a slow contender is measured on the databases it reached (the *databases* column).\n\n");
        out.append("- *db/s*: databases read divided by the cell's wall time. *p50/p95/p99*: time per database, from its start to its "
                + "document (dbsurveyor) or to the end of its reads (the others).\n");
        out.append("- *statements/db*: ").append(postgres
                ? "statements the server ran, counted in the proxy from its CommandComplete and ErrorResponse messages"
                : "the server's `Questions` counter over the cell").append(", divided by the databases read.\n");
        out.append("- *connections*: server connections open at once at the most (in the proxy). *threads*: JVM threads the contender "
                + "added at the most (live threads sampled every 10 ms, less those alive when the cell started; the proxy's own "
                + "threads left out; pg_dump's processes are not threads). "
                + "*heap after GC*: the most heap in use right after a collection during the cell (from the collector's "
                + "notifications, nothing forced; 0 when none ran).\n\n");
        out.append("## The floor\n\nWhat one database costs at the least: opening a connection (as the driver does it, through the "
                + "proxy) plus one round trip for the whole catalog read. Median of five.\n\n"
                + "| latency each way | round trip | connect | floor |\n| ---: | ---: | ---: | ---: |\n")
                .append(String.join("\n", floors)).append("\n\n");
        for (int latency : options.latencies()) {
            out.append("## ").append(latency).append(" ms each way\n\n![throughput at ").append(latency).append(" ms](")
                    .append(name).append('-').append(latency).append("ms.png)\n\n")
                    .append("| contender | concurrency | databases | failed | wall | db/s | p50 | p95 | p99 | statements/db | connections "
                            + "| threads | heap after GC |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (LoadBenchmark.Cell cell : cells) {
                if (cell.latency() == latency) {
                    out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f s | %.1f | %.0f ms | %.0f ms | %.0f ms | %.1f | %d | %d | %.0f MiB |%n",
                            cell.contender(), cell.concurrency(), cell.databases(), cell.failed(), cell.seconds(), cell.rate(), cell.percentile(0.5),
                            cell.percentile(0.95), cell.percentile(0.99), (double) cell.statements() / Math.max(1, cell.databases()),
                            cell.connections(), cell.threads(), cell.heapAfterGc() / 1048576.0));
                }
            }
            out.append('\n');
        }
        targets(out);
        out.append("Machine: ").append(LoadBenchmark.machine(serverVersion)).append('\n');
        return out.toString();
    }

    private void targets(StringBuilder out) {
        Optional<LoadBenchmark.Cell> ours = cell("dbsurveyor", 10, 16);
        if (ours.isEmpty()) {
            return;
        }
        out.append("## Targets at 10 ms each way, concurrency 16\n\n");
        cell("JDBC, blocking", 10, 16).ifPresent(jdbc -> out.append(String.format(Locale.ROOT,
                "- dbsurveyor %.1f db/s against the blocking JDBC baseline's %.1f: %.1f times (target: at least 2).%n",
                ours.get().rate(), jdbc.rate(), ours.get().rate() / jdbc.rate())));
        cell("SchemaCrawler", 10, 16).ifPresent(crawler -> out.append(String.format(Locale.ROOT,
                "- dbsurveyor %.1f db/s against SchemaCrawler's %.1f: %.1f times (target: at least 10).%n",
                ours.get().rate(), crawler.rate(), ours.get().rate() / crawler.rate())));
        cell("pg_dump --schema-only", 10, 16).ifPresent(dump -> out.append(String.format(Locale.ROOT,
                "- dbsurveyor %.1f db/s against pg_dump's %.1f: %.1f times.%n", ours.get().rate(), dump.rate(), ours.get().rate() / dump.rate())));
        out.append(String.format(Locale.ROOT, "- dbsurveyor's time per database: p50 %.0f ms, p95 %.0f ms (the floor is in the table above; "
                + "target: at most 1.5 times it).%n", ours.get().percentile(0.5), ours.get().percentile(0.95)));
        cell("dbsurveyor", 10, 1).ifPresent(alone -> out.append(String.format(Locale.ROOT,
                "- at concurrency 1, with nothing else in flight: p50 %.0f ms.%n", alone.percentile(0.5))));
        out.append('\n');
    }

    private Optional<LoadBenchmark.Cell> cell(String contender, int latency, int concurrency) {
        return cells.stream().filter(cell -> cell.contender().equals(contender) && cell.latency() == latency
                && cell.concurrency() == concurrency).findFirst();
    }
}
