package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.spi.ConnectionFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The databases of the {@code cli} benchmark, made when missing and reused: PostgreSQL
 * {@value #TWENTY}, {@value #THOUSAND} and {@value #TEN_THOUSAND} ({@link WideDatabase}: a primary
 * key, a foreign key to the table before and an index per table, 10 columns), 200 sweep databases
 * of 20 such tables copied from a template, and a MariaDB/MySQL {@value #THOUSAND}
 * ({@link MySqlWideBenchmark}'s tables).
 */
final class CliWorkloads {

    static final String TWENTY = "bench_cli_20t";
    static final String THOUSAND = "bench_cli_1000t";
    static final String TEN_THOUSAND = "bench_cli_10000t";
    static final String SWEEP_GLOB = "bench_cli_sweep_*";
    static final int SWEEP_DATABASES = 200;
    private static final String SWEEP_TEMPLATE = "bench_cli_template_20t";
    private static final int COLUMNS = 10;

    private final ServerTarget postgres;
    private final ServerTarget mysql;

    CliWorkloads(ServerTarget postgres, ServerTarget mysql) {
        this.postgres = postgres;
        this.mysql = mysql;
    }

    static List<String> sweepDatabases() {
        return IntStream.range(0, SWEEP_DATABASES).mapToObj(i -> String.format(Locale.ROOT, "bench_cli_sweep_%03d", i)).toList();
    }

    /** Makes what {@code cells} read and is missing. */
    void ensure(List<CliCell> cells) {
        for (CliCell cell : cells) {
            long started = System.nanoTime();
            boolean made;
            if (cell.mysql()) {
                made = MySqlWideBenchmark.ensure(PlainConnections.toMySql(mysql, null), cell.database(), 1_000);
            } else if (cell.sweep()) {
                made = ensureSweep();
            } else {
                made = ensureOne(cell.database(), tables(cell.database()));
            }
            if (made) {
                System.out.printf("made the databases of cell %s in %d s%n", cell.key(), (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
    }

    void drop() {
        ConnectionFactory server = admin();
        for (String name : WideDatabase.query(server, "SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_cli\\_%'")) {
            WideDatabase.execute(server, "DROP DATABASE \"" + name + "\" WITH (FORCE)");
        }
        WideDatabase.execute(PlainConnections.toMySql(mysql, null), "DROP DATABASE IF EXISTS `" + THOUSAND + "`");
    }

    private static int tables(String database) {
        return switch (database) {
            case TWENTY -> 20;
            case THOUSAND -> 1_000;
            case TEN_THOUSAND -> 10_000;
            default -> throw new IllegalArgumentException(database);
        };
    }

    private boolean ensureOne(String name, int tables) {
        return WideDatabase.ensure(admin(), PlainConnections.to(postgres, name), name, tables, COLUMNS);
    }

    /** The template once, then a copy of it for every sweep database missing (a copy is complete or absent). */
    private boolean ensureSweep() {
        ConnectionFactory server = admin();
        Set<String> existing = new HashSet<>(WideDatabase.query(server, "SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_cli\\_sweep\\_%'"));
        List<String> missing = sweepDatabases().stream().filter(name -> !existing.contains(name)).toList();
        if (missing.isEmpty()) {
            return false;
        }
        ensureOne(SWEEP_TEMPLATE, 20);
        for (String name : missing) {
            WideDatabase.execute(server, "CREATE DATABASE \"" + name + "\" TEMPLATE \"" + SWEEP_TEMPLATE + "\"");
        }
        return true;
    }

    private ConnectionFactory admin() {
        return PlainConnections.to(postgres, postgres.defaultDatabase());
    }
}
