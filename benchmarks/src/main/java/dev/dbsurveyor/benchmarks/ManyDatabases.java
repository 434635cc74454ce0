package dev.dbsurveyor.benchmarks;

import io.r2dbc.spi.ConnectionFactory;

/**
 * N PostgreSQL databases of M tables each ({@code dbsurveyor_bench_sweep_<M>t_<i>}), copies of one
 * template database with the tables, a view, a function and a trigger. Made once; reused while
 * they exist.
 */
final class ManyDatabases {

    private ManyDatabases() {
    }

    static String prefix(int tables) {
        return "dbsurveyor_bench_sweep_" + tables + "t_";
    }

    /** Makes the missing databases of {@code 0..count-1}; returns how many it made. */
    static int ensure(ConnectionFactory server, java.util.function.Function<String, ConnectionFactory> database, int count, int tables) {
        String template = prefix(tables) + "template";
        if (WideDatabase.query(server, "SELECT 1 FROM pg_database WHERE datname = '" + template + "'").isEmpty()) {
            WideDatabase.execute(server, "CREATE DATABASE \"" + template + "\"");
            // A thousand tables per transaction: one transaction's locks on all of them would pass max_locks_per_transaction.
            for (int first = 1; first <= tables; first += 1_000) {
                WideDatabase.execute(database.apply(template), "DO $$ BEGIN FOR i IN " + first + ".." + Math.min(tables, first + 999)
                        + " LOOP EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, parent_id int REFERENCES t%s (id), label text, "
                        + "amount numeric(12,2), created_at timestamptz DEFAULT now())', i, greatest(i - 1, 1)); "
                        + "EXECUTE format('CREATE INDEX t%s_label_idx ON t%s (label)', i, i); END LOOP; END $$");
            }
            WideDatabase.execute(database.apply(template), "CREATE VIEW recent AS SELECT id, label FROM t1 WHERE created_at > now() - interval '1 day'");
            WideDatabase.execute(database.apply(template), "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$f$ BEGIN NEW.created_at := now(); RETURN NEW; END $f$");
            WideDatabase.execute(database.apply(template), "CREATE TRIGGER t1_touch BEFORE UPDATE ON t1 FOR EACH ROW EXECUTE FUNCTION touch()");
            WideDatabase.execute(server, "ALTER DATABASE \"" + template + "\" WITH ALLOW_CONNECTIONS false");
        }
        java.util.Set<String> existing = new java.util.HashSet<>(WideDatabase.query(server,
                "SELECT datname FROM pg_database WHERE datname LIKE '" + prefix(tables) + "%'"));
        int made = 0;
        for (int i = 0; i < count; i++) {
            String name = prefix(tables) + i;
            if (!existing.contains(name)) {
                WideDatabase.execute(server, "CREATE DATABASE \"" + name + "\" TEMPLATE \"" + template + "\"");
                made++;
            }
        }
        return made;
    }

    /** Drops every database of the benchmark, the template included. */
    static void drop(ConnectionFactory server, int tables) {
        for (String name : WideDatabase.query(server, "SELECT datname FROM pg_database WHERE datname LIKE '" + prefix(tables) + "%'")) {
            WideDatabase.execute(server, "DROP DATABASE \"" + name + "\" WITH (FORCE)");
        }
    }
}
