package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.SweepListener;
import dev.dbsurveyor.sweep.Sweeps;
import dev.dbsurveyor.server.EngineFamily;
import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.spi.ConnectionFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A real sweep with samples under the sweep-wide rate limit: PostgreSQL databases of many tables
 * with rows, swept without samples (the baseline), with samples at the limit under test, and with
 * samples at a limit too high to matter (what the sample queries cost by themselves).
 */
final class SamplingRateBenchmark {

    private static final int ROWS_PER_SAMPLE = 5;
    private static final int ROWS_PER_TABLE = 100;

    private final ServerTarget target;
    private final int databases;
    private final int tables;
    private final double rate;
    private final int runs;
    private final boolean drop;

    SamplingRateBenchmark(String url, int databases, int tables, double rate, int runs, boolean drop) {
        this.target = ServerTarget.parse(url);
        this.databases = databases;
        this.tables = tables;
        this.rate = rate;
        this.runs = runs;
        this.drop = drop;
    }

    private record Run(double seconds, long samples) {
    }

    void run(Path resultsDirectory) throws Exception {
        boolean postgres = target.engine() == EngineFamily.POSTGRESQL;
        ConnectionFactory server = postgres ? PlainConnections.to(target, target.defaultDatabase()) : PlainConnections.toMySql(target, null);
        if (postgres) {
            preparePostgres(server);
        } else {
            prepareMySql(server);
        }
        String version = WideDatabase.query(server, "SELECT version()").get(0);
        sweep(SamplingConfig.off());
        try {
            Run baseline = median(SamplingConfig.off());
            Run limited = median(sampling(rate));
            Run unlimited = median(sampling(SamplingConfig.MOST_QUERIES_PER_SECOND));
            String report = report(version, baseline, limited, unlimited);
            System.out.print(report);
            Files.createDirectories(resultsDirectory);
            Files.writeString(resultsDirectory.resolve("sampling-rate-" + (postgres ? "postgres-" : "mysql-") + databases + "x" + tables
                    + ".md"), report);
        } finally {
            if (drop && postgres) {
                ManyDatabases.drop(server, tables);
            } else if (drop) {
                for (int i = 0; i < databases; i++) {
                    WideDatabase.execute(server, "DROP DATABASE IF EXISTS `" + prefix() + i + "`");
                }
            }
        }
    }

    /** The sweep benchmark's databases, with rows. */
    private void preparePostgres(ConnectionFactory server) {
        ManyDatabases.ensure(server, database -> PlainConnections.to(target, database), databases, tables);
        for (int i = 0; i < databases; i++) {
            ConnectionFactory database = PlainConnections.to(target, prefix() + i);
            if (WideDatabase.query(database, "SELECT 1 FROM t1 LIMIT 1").isEmpty()) {
                WideDatabase.execute(database, "DO $$ BEGIN FOR i IN 1.." + tables + " LOOP EXECUTE format('INSERT INTO t%s (id, label, amount) "
                        + "SELECT g, ''label '' || g, g * 1.5 FROM generate_series(1, " + ROWS_PER_TABLE + ") g', i); END LOOP; END $$");
            }
        }
    }

    /** Databases of plain tables with a primary key and rows; made when missing. */
    private void prepareMySql(ConnectionFactory server) {
        java.util.Set<String> existing = new java.util.HashSet<>(WideDatabase.query(server,
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '" + prefix() + "%'"));
        for (int i = 0; i < databases; i++) {
            String name = prefix() + i;
            if (existing.contains(name)) {
                continue;
            }
            List<String> statements = new ArrayList<>(List.of("CREATE DATABASE `" + name + "`"));
            for (int t = 1; t <= tables; t++) {
                statements.add("CREATE TABLE `" + name + "`.t" + t + " (id INT PRIMARY KEY, label VARCHAR(40), amount DECIMAL(12,2))");
                statements.add("INSERT INTO `" + name + "`.t" + t + " WITH RECURSIVE g (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < "
                        + ROWS_PER_TABLE + ") SELECT n, CONCAT('label ', n), n * 1.5 FROM g");
            }
            WideDatabase.execute(server, String.join(";\n", statements));
        }
    }

    private String prefix() {
        return target.engine() == EngineFamily.POSTGRESQL ? ManyDatabases.prefix(tables) : "dbsurveyor_bench_sample_" + tables + "t_";
    }

    private SamplingConfig sampling(double queriesPerSecond) {
        return SamplingConfig.builder().rowsPerTable(ROWS_PER_SAMPLE).queriesPerSecond(queriesPerSecond).build();
    }

    private Run median(SamplingConfig sampling) {
        List<Run> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            measured.add(sweep(sampling));
        }
        measured.sort(java.util.Comparator.comparingDouble(Run::seconds));
        return measured.get(measured.size() / 2);
    }

    private Run sweep(SamplingConfig sampling) {
        MultiDatabaseConfig config = MultiDatabaseConfig.builder().include(prefix() + "[0-9]*")
                .maxConcurrency(databases).sampling(sampling).build();
        long started = System.nanoTime();
        long samples = Sweeps.outcomes(target, ConnectionConfig.builder().maxConnections(databases + 1).build(), config, SweepListener.none())
                .filter(DatabaseOutcome.Collected.class::isInstance)
                .map(outcome -> ((DatabaseOutcome.Collected) outcome).schema())
                .map(schema -> schema.samples() == null ? 0L : schema.samples().stream().filter(sample -> !sample.rows().isEmpty()).count())
                .reduce(0L, Long::sum)
                .block();
        return new Run((System.nanoTime() - started) / 1e9, samples);
    }

    private String report(String version, Run baseline, Run limited, Run unlimited) {
        long queries = (long) databases * tables;
        double floor = queries / rate;
        return "# Sampling under the sweep-wide rate limit\n\n"
                + "Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " with `benchmarks/run sampling-rate`: " + databases
                + (target.engine() == EngineFamily.POSTGRESQL ? " PostgreSQL" : " MySQL/MariaDB") + " databases of " + tables + " tables (" + ROWS_PER_TABLE + " rows each), swept at concurrency " + databases
                + " through `Sweeps.outcomes`, " + ROWS_PER_SAMPLE + " sample rows per table (one query per table); median of " + runs
                + " runs after a warm-up.\n\n"
                + "| sweep | wall time | tables sampled | sample queries a second |\n| --- | ---: | ---: | ---: |\n"
                + String.format(Locale.ROOT, "| no samples (baseline) | %.2f s | 0 | |%n", baseline.seconds())
                + String.format(Locale.ROOT, "| samples, limit %.0f queries/s | %.2f s | %d | %.1f |%n", rate, limited.seconds(), limited.samples(),
                        limited.samples() / limited.seconds())
                + String.format(Locale.ROOT, "| samples, limit %.0f queries/s (no effect) | %.2f s | %d | %.1f |%n",
                        SamplingConfig.MOST_QUERIES_PER_SECOND, unlimited.seconds(), unlimited.samples(), unlimited.samples() / unlimited.seconds())
                + String.format(Locale.ROOT, "%n%d sample queries at %.0f a second cannot take less than %.2f s; the limited sweep took "
                        + "%.2f s, %.2f times the baseline's %.2f s.%n", queries, rate, floor, limited.seconds(),
                        limited.seconds() / baseline.seconds(), baseline.seconds())
                + "\nMachine: " + Runtime.getRuntime().availableProcessors() + " cores, JVM " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + "; server " + version + " on the same host over TCP loopback.\n";
    }
}
