package dev.dbsurveyor.cli;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.output.OutputPaths;
import dev.dbsurveyor.output.SweepFiles;
import dev.dbsurveyor.report.ReportFormat;
import dev.dbsurveyor.report.Reports;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.SweepTally;
import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code dbsurveyor demo}: a real sweep of an embedded PostgreSQL with sample databases, one the
 * demo user may not connect to and one whose routines stage times out, written per database.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = DbSurveyorCommand.Version.class, name = "demo",
        description = {"Start an embedded PostgreSQL with sample databases, sweep it for real, write one file",
                "per database, and end with their report (DIR/report/index.html)."},
        footerHeading = "%nExample:%n",
        footer = {"  dbsurveyor demo --output-dir demo-out/",
                "The output directory (default dbsurveyor-demo) is replaced on every run."})
final class DemoCommand implements java.util.concurrent.Callable<Integer> {

    private static final String SURVEYOR = "demo_surveyor";

    @Spec
    CommandSpec spec;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where to write (default dbsurveyor-demo).")
    Path outputDir = Path.of("dbsurveyor-demo");

    @Option(names = {"-v", "--verbose"}, description = "Every database as it finishes; stack traces of errors.")
    boolean[] verbose = new boolean[0];

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        clearOwnOutput();
        OutputPaths.prepareDirectory(outputDir, true);
        err.println("starting an embedded PostgreSQL...");
        err.flush();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            int port = postgres.getPort();
            prepare(port);
            err.printf("created demo_shop, demo_hr, demo_analytics and demo_secret on 127.0.0.1:%d%n", port);
            Connection lock = hold(port);
            try {
                ServerTarget target = ServerTarget.parse("postgresql://" + SURVEYOR + "@127.0.0.1:" + port + "/postgres?sslmode=disable",
                        new Environment(Map.of(), Path.of(System.getProperty("java.io.tmpdir"))));
                DatabaseAdapter adapter = DatabaseAdapters.create(target,
                        ConnectionConfig.builder().statementTimeout(Duration.ofMillis(500)).build());
                try {
                    Progress progress = new Progress(err, false, verbose.length > 0, false);
                    err.println("sweeping as " + SURVEYOR + ", with 3 sample rows per table (the routines of demo_analytics are locked, "
                            + "so that stage times out; only demo_shop's rows may be read)...");
                    err.flush();
                    SweepTally tally = SweepFiles.toDirectory(adapter, MultiDatabaseConfig.builder().include("demo_*")
                                    .sampling(SamplingConfig.builder().rowsPerTable(3).build()).build(),
                            progress, outputDir, () -> { }).block();
                    progress.end();
                    err.printf("collected %d, failed %d, skipped %d, filtered %d%n", tally.collected(), tally.failed(), tally.skipped(),
                            tally.filtered());
                    err.println("wrote " + outputDir.toAbsolutePath() + " (manifest.json and one file per database)");
                    err.println("check them with: dbsurveyor validate " + outputDir);
                    Reports.Written report = Reports.write(outputDir, outputDir.resolve("report"), ReportFormat.HTML, true, Clock.systemUTC());
                    err.println("wrote the report: open " + report.entry().toAbsolutePath().toUri());
                    err.flush();
                    return tally.collected() > 0 ? 0 : 1;
                } finally {
                    adapter.close().block();
                }
            } finally {
                Flux.from(lock.createStatement("ROLLBACK").execute()).concatMap(Result::getRowsUpdated).blockLast();
                Mono.from(lock.close()).block();
            }
        }
    }

    /** Removes what an earlier demo wrote into the directory, and nothing else. */
    private void clearOwnOutput() throws IOException {
        if (!Files.isDirectory(outputDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(outputDir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.equals("manifest.json") || name.endsWith(".dbsurveyor.json")) {
                    Files.delete(entry);
                }
            }
        }
    }

    private static void prepare(int port) {
        ConnectionFactory admin = factory(port, "postgres");
        for (String database : new String[] {"demo_shop", "demo_hr", "demo_analytics", "demo_secret"}) {
            execute(admin, "CREATE DATABASE " + database);
        }
        execute(admin, "CREATE ROLE " + SURVEYOR + " LOGIN");
        execute(admin, "REVOKE CONNECT ON DATABASE demo_secret FROM PUBLIC");
        execute(factory(port, "demo_shop"), resource("demo-shop.sql"));
        execute(factory(port, "demo_shop"), "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + SURVEYOR);
        execute(factory(port, "demo_hr"), resource("demo-hr.sql"));
        execute(factory(port, "demo_analytics"), resource("demo-shop.sql"));
        execute(factory(port, "demo_secret"), "CREATE TABLE keys (id int PRIMARY KEY, secret text)");
    }

    /** A session that holds a lock only the routines stage waits for, in demo_analytics. */
    private static Connection hold(int port) {
        Connection connection = Mono.from(factory(port, "demo_analytics").create()).block();
        Flux.from(connection.createStatement("BEGIN; LOCK TABLE pg_catalog.pg_language IN ACCESS EXCLUSIVE MODE").execute())
                .concatMap(Result::getRowsUpdated).blockLast();
        return connection;
    }

    private static ConnectionFactory factory(int port, String database) {
        return new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host("127.0.0.1").port(port).username("postgres").database(database).build());
    }

    private static void execute(ConnectionFactory factory, String sql) {
        Mono.usingWhen(Mono.from(factory.create()),
                connection -> Flux.from(connection.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).then(),
                Connection::close).block(Duration.ofMinutes(1));
    }

    private static String resource(String name) {
        try (InputStream in = DemoCommand.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
