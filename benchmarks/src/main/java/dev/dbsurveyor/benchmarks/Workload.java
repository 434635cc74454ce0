package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.server.EngineFamily;
import dev.dbsurveyor.server.ServerTarget;
import io.r2dbc.spi.ConnectionFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The databases a load run reads on one server: {@code count} databases of {@code tables}
 * tables each, every table with a primary key, a foreign key to the table before it and an
 * index, and per database a view, a function and a trigger. Made when missing (idempotent, so a
 * larger run reuses a smaller one's databases), dropped on request.
 */
final class Workload {

    private final ServerTarget server;
    private final int tables;

    Workload(ServerTarget server, int tables) {
        this.server = server;
        this.tables = tables;
    }

    boolean postgres() {
        return server.engine() == EngineFamily.POSTGRESQL;
    }

    String prefix() {
        return postgres() ? ManyDatabases.prefix(tables) : "dbsurveyor_bench_my_" + tables + "t_";
    }

    /** The names of databases {@code 0 .. count - 1}, made first where missing. */
    List<String> ensure(int count) {
        long started = System.nanoTime();
        int made = postgres()
                ? ManyDatabases.ensure(admin(), database -> PlainConnections.to(server, database), count, tables)
                : ensureMySql(count);
        if (made > 0) {
            System.out.printf("made %d databases of %d tables in %d s%n", made, tables, (System.nanoTime() - started) / 1_000_000_000L);
        }
        return IntStream.range(0, count).mapToObj(i -> prefix() + i).toList();
    }

    void drop() {
        if (postgres()) {
            ManyDatabases.drop(admin(), tables);
            return;
        }
        for (String name : existingMySql()) {
            WideDatabase.execute(admin(), "DROP DATABASE `" + name + "`");
        }
    }

    /** A connection to the server's default database (none, for MySQL), outside any proxy. */
    ConnectionFactory admin() {
        return postgres() ? PlainConnections.to(server, server.defaultDatabase()) : PlainConnections.toMySql(server, null);
    }

    private Set<String> existingMySql() {
        return new HashSet<>(WideDatabase.query(admin(),
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '" + prefix() + "%'"));
    }

    private int ensureMySql(int count) {
        Set<String> existing = existingMySql();
        int made = 0;
        for (int i = 0; i < count; i++) {
            String name = prefix() + i;
            if (existing.contains(name)) {
                continue;
            }
            List<String> statements = new ArrayList<>();
            statements.add("CREATE DATABASE `" + name + "`");
            for (int t = 1; t <= tables; t++) {
                statements.add("CREATE TABLE `" + name + "`.t" + t + " (id INT PRIMARY KEY, parent_id INT, label VARCHAR(100), "
                        + "amount DECIMAL(12,2), created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, KEY t" + t + "_label_idx (label), "
                        + "FOREIGN KEY (parent_id) REFERENCES `" + name + "`.t" + Math.max(1, t - 1) + " (id))");
            }
            statements.add("CREATE VIEW `" + name + "`.recent AS SELECT id, label FROM `" + name + "`.t1 WHERE created_at > NOW() - INTERVAL 1 DAY");
            statements.add("CREATE FUNCTION `" + name + "`.label_of(x INT) RETURNS VARCHAR(100) DETERMINISTIC READS SQL DATA "
                    + "RETURN (SELECT label FROM `" + name + "`.t1 WHERE id = x)");
            statements.add("CREATE TRIGGER `" + name + "`.t1_touch BEFORE UPDATE ON `" + name + "`.t1 FOR EACH ROW SET NEW.created_at = NOW()");
            WideDatabase.execute(admin(), String.join(";\n", statements));
            made++;
        }
        return made;
    }
}
