package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.adapter.SqlResources;
import dev.dbsurveyor.adapter.mysql.MySqlAdapter;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One MySQL or MariaDB database of many tables, at several sizes in the same run: how the time to
 * collect it grows with its tables. Each size is collected by dbsurveyor ({@code MySqlAdapter.collect},
 * the whole document built) and read as the floor: dbsurveyor's own catalog queries through the
 * same driver, every column of every row read, no document built.
 */
final class MySqlWideBenchmark {

    private static final int TABLES_PER_EXECUTION = 250;
    private static final List<String> QUERIES = List.of("schemata.sql", "tables.sql", "columns.sql", "table_constraints.sql",
            "key_columns.sql", "referential_constraints.sql", "check_constraints", "statistics.sql", "views.sql", "routines.sql",
            "parameters.sql", "triggers.sql", "events.sql");

    /** {@code benchmarks/run mysql-wide [--url URL] [--sizes 1000,10000] [--runs 5] [--drop]}. */
    record Options(String url, List<Integer> sizes, int runs, boolean drop) {

        static Options parse(String[] args) {
            String url = "mysql://root@127.0.0.1:3306";
            List<Integer> sizes = List.of(1_000, 10_000);
            int runs = 5;
            boolean drop = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = args[++i];
                    case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--drop" -> drop = true;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (sizes.size() < 2 || runs < 1) {
                throw new IllegalArgumentException("--sizes needs at least two sizes and --runs at least 1");
            }
            return new Options(url, sizes, runs, drop);
        }
    }

    private final Options options;
    private final ServerTarget target;
    private final ConnectionFactory admin;

    MySqlWideBenchmark(Options options) {
        this.options = options;
        this.target = ServerTarget.parse(options.url());
        this.admin = PlainConnections.toMySql(target, null);
    }

    static String name(int tables) {
        return "dbsurveyor_bench_mywide_" + tables;
    }

    void run(Path resultsDirectory) throws Exception {
        for (int size : options.sizes()) {
            long started = System.nanoTime();
            boolean created = ensure(size);
            System.out.printf("%s %s in %d s%n", created ? "created" : "reused", name(size),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
        String version = WideDatabase.query(admin, "SELECT VERSION()").get(0);
        Map<Integer, List<Measurement>> collector = new LinkedHashMap<>();
        Map<Integer, List<Measurement>> floor = new LinkedHashMap<>();
        for (int run = 0; run <= options.runs(); run++) {
            for (int size : options.sizes()) {
                Measurement ours = Measurement.of(() -> collect(size), 0);
                Measurement rows = Measurement.of(() -> readCatalogRows(size), QUERIES.size());
                System.out.printf("%-8s %,6d tables: dbsurveyor %6d ms   catalog rows only %6d ms%n", run == 0 ? "warm-up" : "run " + run,
                        size, ours.wall().toMillis(), rows.wall().toMillis());
                if (run > 0) {
                    collector.computeIfAbsent(size, key -> new ArrayList<>()).add(ours);
                    floor.computeIfAbsent(size, key -> new ArrayList<>()).add(rows);
                }
            }
        }
        String report = report(version, collector, floor);
        System.out.println(report);
        Files.createDirectories(resultsDirectory);
        Files.writeString(resultsDirectory.resolve("mysql-wide-" + options.sizes().stream().map(String::valueOf)
                .reduce((a, b) -> a + "-" + b).orElseThrow() + ".md"), report);
        if (options.drop()) {
            options.sizes().forEach(size -> WideDatabase.execute(admin, "DROP DATABASE IF EXISTS `" + name(size) + "`"));
        }
    }

    /**
     * Creates the database of {@code tables} tables unless a complete one exists (tables are made in
     * order, each with its keys in its own statement, so a database holding them all is complete);
     * true when it had to be created. Statements go {@value #TABLES_PER_EXECUTION} tables to an
     * execution, and the redo log is flushed once a second meanwhile rather than at every statement,
     * then set back to flushing at every commit.
     */
    private boolean ensure(int tables) {
        return ensure(admin, name(tables), tables);
    }

    /** Creates database {@code name} of {@code tables} tables on {@code admin}'s server unless a complete one exists. */
    static boolean ensure(ConnectionFactory admin, String name, int tables) {
        List<String> count = WideDatabase.query(admin, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + name + "'");
        if (Integer.parseInt(count.get(0)) == tables) {
            return false;
        }
        WideDatabase.execute(admin, "DROP DATABASE IF EXISTS `" + name + "`;\nCREATE DATABASE `" + name + "`");
        WideDatabase.execute(admin, "SET GLOBAL innodb_flush_log_at_trx_commit = 0");
        try {
            for (int from = 1; from <= tables; from += TABLES_PER_EXECUTION) {
                List<String> statements = new ArrayList<>();
                for (int t = from; t <= Math.min(tables, from + TABLES_PER_EXECUTION - 1); t++) {
                    statements.add("CREATE TABLE `" + name + "`.t" + t + " (id INT PRIMARY KEY, parent_id INT, label VARCHAR(100), "
                            + "amount DECIMAL(12,2), created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP, KEY t" + t + "_label_idx (label), "
                            + "CONSTRAINT t" + t + "_parent_fk FOREIGN KEY (parent_id) REFERENCES `" + name + "`.t" + Math.max(1, t - 1) + " (id))");
                }
                WideDatabase.execute(admin, String.join(";\n", statements));
            }
        } finally {
            WideDatabase.execute(admin, "SET GLOBAL innodb_flush_log_at_trx_commit = 1");
        }
        return true;
    }

    /** Collects the database of {@code tables} tables and checks the document; the objects in it. */
    private long collect(int tables) {
        MySqlAdapter adapter = MySqlAdapter.create(target, ConnectionConfig.builder().minIdleConnections(0)
                .statementTimeout(Duration.ofMinutes(5)).build());
        try {
            DatabaseSchema document = adapter.collect(name(tables)).block();
            long foreignKeys = document.tables().stream().mapToLong(table -> table.foreignKeys().size()).sum();
            if (document.tables().size() != tables || foreignKeys != tables || document.indexes().size() != 3L * tables
                    || !document.collectionMetadata().objectFailures().isEmpty()) {
                throw new IllegalStateException("dbsurveyor read " + document.tables().size() + " tables, " + foreignKeys + " foreign keys and "
                        + document.indexes().size() + " indexes, with failures " + document.collectionMetadata().objectFailures());
            }
            return document.tables().stream().mapToLong(table -> 1 + table.columns().size()).sum()
                    + document.indexes().size() + document.constraints().size();
        } finally {
            adapter.close().block();
        }
    }

    /** dbsurveyor's catalog queries for the database, one after another on one connection, every value read and turned into text; the rows. */
    private long readCatalogRows(int tables) {
        String schema = "X'" + HexFormat.of().formatHex(name(tables).getBytes(StandardCharsets.UTF_8)) + "'";
        return Mono.usingWhen(Mono.from(admin.create()), connection -> readAll(connection, schema), Connection::close)
                .block(Duration.ofMinutes(10));
    }

    private static Mono<Long> readAll(Connection connection, String schema) {
        boolean mariaDb = connection.getMetadata().getDatabaseVersion().contains("MariaDB");
        return Flux.fromIterable(QUERIES)
                .map(file -> SqlResources.load(MySqlAdapter.class, file.equals("check_constraints")
                        ? mariaDb ? "check_constraints_mariadb.sql" : "check_constraints_mysql.sql" : file))
                .map(query -> query.replace(":schemas", schema).replace(":expression", mariaDb ? "NULL" : "EXPRESSION"))
                .concatMap(query -> Flux.from(connection.createStatement(query).execute())
                        .concatMap(result -> result.map((row, metadata) -> {
                            int length = 0;
                            for (int column = 0; column < metadata.getColumnMetadatas().size(); column++) {
                                length += String.valueOf(row.get(column)).length();
                            }
                            return length;
                        })))
                .count();
    }

    private String report(String version, Map<Integer, List<Measurement>> collector, Map<Integer, List<Measurement>> floor) {
        int smallest = options.sizes().get(0);
        int largest = options.sizes().get(options.sizes().size() - 1);
        double ratio = (double) median(collector.get(largest)).wall().toNanos() / median(collector.get(smallest)).wall().toNanos();
        double growth = (double) largest / smallest;
        StringBuilder out = new StringBuilder();
        out.append("# One MySQL/MariaDB database of many tables, at ").append(options.sizes().size()).append(" sizes\n\n");
        out.append("Measured ").append(LoadBenchmark.measuredAt()).append(" with `benchmarks/run mysql-wide --sizes ")
                .append(options.sizes().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow())
                .append(" --runs ").append(options.runs()).append("`: each size collected ").append(options.runs())
                .append(" times after a warm-up, sizes alternating; medians.\n\n");
        out.append("Each table has a primary key, a foreign key to the table before it and a secondary index. *dbsurveyor* is ")
                .append("`MySqlAdapter.collect`, the whole document built and checked (every table, foreign key and index); *catalog rows ")
                .append("only* runs the same ").append(QUERIES.size()).append(" catalog queries through the same driver, every value ")
                .append("read and turned into text, no document built: what the server and the driver cost.\n\n");
        out.append("| tables | dbsurveyor | per table | catalog rows only | dbsurveyor beyond the rows | objects in the document | peak heap |\n");
        out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int size : options.sizes()) {
            Measurement ours = median(collector.get(size));
            Measurement rows = median(floor.get(size));
            out.append(String.format(Locale.ROOT, "| %,d | %.2f s | %.3f ms | %.2f s | %.2f s | %,d | %d MiB |%n", size,
                    seconds(ours), ours.wall().toNanos() / 1e6 / size, seconds(rows), seconds(ours) - seconds(rows), ours.objects(),
                    ours.peakHeapBytes() / (1024 * 1024)));
        }
        out.append('\n').append(String.format(Locale.ROOT, "%,d tables take **%.1f times** as long as %,d (%.0f times the tables; "
                + "linear would be %.0f).%n%n", largest, ratio, smallest, growth, growth));
        out.append("All runs (ms): ");
        List<String> runs = new ArrayList<>();
        for (int size : options.sizes()) {
            runs.add(String.format(Locale.ROOT, "%,d tables %s, rows only %s", size, millis(collector.get(size)), millis(floor.get(size))));
        }
        out.append(String.join("; ", runs)).append(".\n\n");
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, JVM ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", max heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB; server ")
                .append(version).append(", on the same host over TCP loopback.\n");
        return out.toString();
    }

    private static double seconds(Measurement measurement) {
        return measurement.wall().toNanos() / 1e9;
    }

    private static List<Long> millis(List<Measurement> measurements) {
        return measurements.stream().map(m -> m.wall().toMillis()).toList();
    }

    private static Measurement median(List<Measurement> measurements) {
        List<Measurement> sorted = new ArrayList<>(measurements);
        sorted.sort(Comparator.comparing(Measurement::wall));
        return sorted.get(sorted.size() / 2);
    }
}
