package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.adapter.postgres.PostgresAdapter;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One PostgreSQL database of many tables, collected by dbsurveyor and read through
 * {@code information_schema} as the baseline, in the same JVM, alternating runs.
 */
final class PostgresWideBenchmark {

    private final Options options;
    private final ServerTarget target;

    PostgresWideBenchmark(Options options) {
        this.options = options;
        this.target = ServerTarget.parse(options.url());
    }

    void run(Path resultsDirectory) throws Exception {
        String database = WideDatabase.name(options);
        ConnectionFactory server = plainFactory(target.defaultDatabase());
        ConnectionFactory wide = plainFactory(database);
        long setupStarted = System.nanoTime();
        boolean created = WideDatabase.ensure(server, wide, options);
        System.out.printf("%s %s in %d s%n", created ? "created" : "reused", database,
                Duration.ofNanos(System.nanoTime() - setupStarted).toSeconds());
        String serverVersion = WideDatabase.query(server, "SELECT version()").get(0);

        // Counting statements wraps every row in a proxy, which would slow the timed runs: count once, untimed.
        AtomicInteger ourStatements = new AtomicInteger();
        AtomicInteger theirStatements = new AtomicInteger();
        collectWithDbsurveyor(database, ourStatements);
        readInformationSchema(database, theirStatements);

        List<Measurement> collector = new ArrayList<>();
        List<Measurement> baseline = new ArrayList<>();
        for (int run = 0; run <= options.runs(); run++) {
            Measurement ours = Measurement.of(() -> collectWithDbsurveyor(database, null), ourStatements.get());
            Measurement theirs = Measurement.of(() -> readInformationSchema(database, null), theirStatements.get());
            String label = run == 0 ? "warm-up" : "run " + run;
            System.out.printf("%-8s dbsurveyor %6d ms   information_schema %6d ms%n", label, ours.wall().toMillis(), theirs.wall().toMillis());
            if (run > 0) {
                collector.add(ours);
                baseline.add(theirs);
            }
        }
        String report = report(serverVersion, collector, baseline);
        System.out.println(report);
        Files.createDirectories(resultsDirectory);
        Files.writeString(resultsDirectory.resolve("postgres-wide-" + options.tables() + "x" + options.columns() + ".md"), report);
        if (options.drop()) {
            WideDatabase.drop(server, options);
        }
    }

    /** Collects the database; counts the statements sent when {@code statements} is given. */
    private long collectWithDbsurveyor(String database, AtomicInteger statements) {
        UnaryOperator<ConnectionFactory> counting = statements == null ? UnaryOperator.identity()
                : factory -> ProxyConnectionFactory.builder(factory)
                        .onBeforeQuery(execution -> execution.getQueries()
                                .forEach(query -> statements.addAndGet(query.getQuery().split(";\n").length)))
                        .build();
        PostgresAdapter adapter = PostgresAdapter.create(target, ConnectionConfig.builder().minIdleConnections(0)
                .statementTimeout(Duration.ofMinutes(5)).build(), counting);
        try {
            DatabaseSchema document = adapter.collect(database).block();
            if (document.tables().size() != options.tables() || !document.collectionMetadata().objectFailures().isEmpty()) {
                throw new IllegalStateException("dbsurveyor read " + document.tables().size() + " tables with failures "
                        + document.collectionMetadata().objectFailures());
            }
            return document.tables().stream().mapToLong(t -> 1 + t.columns().size()).sum()
                    + document.indexes().size() + document.constraints().size();
        } finally {
            adapter.close().block();
        }
    }

    /** Reads the baseline; counts the statements sent when {@code statements} is given. */
    private long readInformationSchema(String database, AtomicInteger statements) {
        ConnectionFactory factory = statements == null ? plainFactory(database)
                : ProxyConnectionFactory.builder(plainFactory(database))
                        .onBeforeQuery(execution -> statements.addAndGet(execution.getQueries().size()))
                        .build();
        return InformationSchemaReader.read(factory);
    }

    private ConnectionFactory plainFactory(String database) {
        return PlainConnections.to(target, database);
    }

    private String report(String serverVersion, List<Measurement> collector, List<Measurement> baseline) {
        Measurement ours = median(collector);
        Measurement theirs = median(baseline);
        double speedup = (double) theirs.wall().toNanos() / ours.wall().toNanos();
        StringBuilder out = new StringBuilder();
        out.append("# One PostgreSQL database of ").append(options.tables()).append(" tables x ").append(options.columns())
                .append(" columns\n\n");
        out.append("Measured ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(" with `benchmarks/run postgres-wide --tables ")
                .append(options.tables()).append(" --columns ").append(options.columns()).append("`: ")
                .append(options.runs()).append(" runs of each contender after one warm-up, alternating; medians.\n\n");
        out.append("Each table has a primary key, a foreign key to the table before it and one index.\n\n");
        out.append("| contender | wall time | statements | objects read | peak heap |\n");
        out.append("| --- | ---: | ---: | ---: | ---: |\n");
        out.append(row("dbsurveyor (`pg_catalog`, one round trip)", ours, "objects in the document"));
        out.append(row("baseline (`information_schema`, one query per kind)", theirs, "rows"));
        out.append('\n').append(String.format(Locale.ROOT, "dbsurveyor is **%.1f times** as fast as the baseline.%n%n", speedup));
        out.append("All runs (ms): dbsurveyor ").append(collector.stream().map(m -> Long.toString(m.wall().toMillis())).toList())
                .append(", baseline ").append(baseline.stream().map(m -> Long.toString(m.wall().toMillis())).toList()).append("\n\n");
        out.append("Statements are SQL statements sent; dbsurveyor sends all of its ").append(ours.statements())
                .append(" (transaction control and savepoints included) in one simple-query message. Peak heap is the sum of the heap pools' peaks during the run, after a GC before it.\n\n");
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, JVM ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", max heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB; server ")
                .append(serverVersion).append(", on the same host over TCP loopback.\n");
        return out.toString();
    }

    private static String row(String name, Measurement measurement, String objects) {
        return String.format(Locale.ROOT, "| %s | %.2f s | %d | %,d %s | %d MiB |%n", name, measurement.wall().toMillis() / 1000.0,
                measurement.statements(), measurement.objects(), objects, measurement.peakHeapBytes() / (1024 * 1024));
    }

    private static Measurement median(List<Measurement> measurements) {
        List<Measurement> sorted = new ArrayList<>(measurements);
        sorted.sort(Comparator.comparing(Measurement::wall));
        return sorted.get(sorted.size() / 2);
    }
}
