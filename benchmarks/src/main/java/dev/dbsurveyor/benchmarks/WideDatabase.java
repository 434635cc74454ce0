package dev.dbsurveyor.benchmarks;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A PostgreSQL database of N tables of M columns, each table with a primary key, a foreign key
 * to the table before it and an index. Made once and reused once its comment says it is complete.
 */
final class WideDatabase {

    private static final int TABLES_PER_TRANSACTION = 250;

    private WideDatabase() {
    }

    static String name(Options options) {
        return "dbsurveyor_bench_wide_" + options.tables() + "x" + options.columns();
    }

    /** Creates the database unless a complete one exists; true when it had to be created. */
    static boolean ensure(ConnectionFactory server, ConnectionFactory database, Options options) {
        return ensure(server, database, name(options), options.tables(), options.columns());
    }

    /** Creates database {@code name} of {@code tables} tables of {@code columns} columns unless a complete one exists. */
    static boolean ensure(ConnectionFactory server, ConnectionFactory database, String name, int tables, int columnCount) {
        boolean exists = !query(server, "SELECT 1 FROM pg_database WHERE datname = '" + name + "'").isEmpty();
        if (exists && !query(server, "SELECT 1 FROM pg_database WHERE datname = '" + name
                + "' AND shobj_description(oid, 'pg_database') = 'complete'").isEmpty()) {
            return false;
        }
        if (exists) {
            execute(server, "DROP DATABASE \"" + name + "\" WITH (FORCE)");
        }
        execute(server, "CREATE DATABASE \"" + name + "\"");
        StringBuilder columns = new StringBuilder();
        for (int c = 3; c <= columnCount; c++) {
            String type = switch (c % 4) {
                case 0 -> "text";
                case 1 -> "numeric(12,2)";
                case 2 -> "timestamptz";
                default -> "varchar(80)";
            };
            columns.append(", c").append(c).append(' ').append(type);
        }
        for (int from = 1; from <= tables; from += TABLES_PER_TRANSACTION) {
            int to = Math.min(tables, from + TABLES_PER_TRANSACTION - 1);
            execute(database, "DO $$ BEGIN FOR i IN " + from + ".." + to + " LOOP "
                    + "EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, parent_id int REFERENCES t%s (id)"
                    + columns + ")', i, greatest(i - 1, 1)); "
                    + "EXECUTE format('CREATE INDEX t%s_c3_idx ON t%s (c3)', i, i); "
                    + "END LOOP; END $$");
        }
        execute(server, "COMMENT ON DATABASE \"" + name + "\" IS 'complete'");
        return true;
    }

    static void drop(ConnectionFactory server, Options options) {
        execute(server, "DROP DATABASE IF EXISTS \"" + name(options) + "\" WITH (FORCE)");
    }

    static void execute(ConnectionFactory factory, String sql) {
        Mono.usingWhen(Mono.from(factory.create()),
                        connection -> Flux.from(connection.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).then(),
                        Connection::close)
                .block(Duration.ofMinutes(30));
    }

    static java.util.List<String> query(ConnectionFactory factory, String sql) {
        return Mono.usingWhen(Mono.from(factory.create()),
                        connection -> Flux.from(connection.createStatement(sql).execute())
                                .concatMap(result -> result.map(row -> String.valueOf(row.get(0))))
                                .collectList(),
                        Connection::close)
                .block(Duration.ofMinutes(5));
    }
}
