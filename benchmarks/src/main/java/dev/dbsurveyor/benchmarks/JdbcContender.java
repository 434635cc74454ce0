package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.adapter.SqlResources;
import dev.dbsurveyor.adapter.mysql.MySqlAdapter;
import dev.dbsurveyor.adapter.postgres.PostgresAdapter;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The blocking baseline: plain JDBC (pgjdbc, MariaDB Connector/J) running dbsurveyor's own catalog
 * queries one after another per database, every row and column read, on a fixed pool of as many
 * threads as the concurrency. PostgreSQL needs a connection per database; for MySQL each thread
 * keeps one connection and reads database after database on it, as a careful blocking tool would.
 */
final class JdbcContender implements Contender {

    private static final List<String> POSTGRES_QUERIES = List.of("database.sql", "relations.sql", "columns.sql", "constraints.sql",
            "indexes.sql", "views.sql", "routines.sql", "triggers.sql", "types.sql").stream()
            .map(file -> SqlResources.load(PostgresAdapter.class, file)).toList();
    private static final List<String> MYSQL_QUERIES = List.of("schemata.sql", "tables.sql", "columns.sql", "table_constraints.sql",
            "key_columns.sql", "referential_constraints.sql", "check_constraints", "statistics.sql", "views.sql",
            "routines.sql", "parameters.sql", "triggers.sql", "events.sql");

    @Override
    public String name() {
        return "JDBC, blocking";
    }

    @Override
    public boolean supports(Endpoint endpoint) {
        return true;
    }

    @Override
    public ContenderRun run(Endpoint endpoint, List<String> databases, int concurrency, Duration budget) throws Exception {
        if (endpoint.postgres()) {
            return BlockingRuns.run("jdbc", databases, concurrency, budget, database -> {
                // Read-only and the other settings go in the startup packet, as dbsurveyor's do: no round trip of their own.
                try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(database)
                        + "&options=-c%20search_path%3Dpg_catalog%20-c%20jit%3Doff%20-c%20default_transaction_read_only%3Don",
                        endpoint.jdbcCredentials())) {
                    for (String query : POSTGRES_QUERIES) {
                        readAll(connection, query);
                    }
                }
            });
        }
        ThreadLocal<Connection> perThread = new ThreadLocal<>();
        List<Connection> opened = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try {
            return BlockingRuns.run("jdbc", databases, concurrency, budget, database -> {
                Connection connection = perThread.get();
                if (connection == null) {
                    connection = DriverManager.getConnection(endpoint.jdbcUrl(null), endpoint.jdbcCredentials());
                    connection.setReadOnly(true);
                    perThread.set(connection);
                    opened.add(connection);
                }
                boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
                String schema = "X'" + HexFormat.of().formatHex(database.getBytes(StandardCharsets.UTF_8)) + "'";
                for (String file : MYSQL_QUERIES) {
                    String query = SqlResources.load(MySqlAdapter.class, file.equals("check_constraints")
                            ? mariaDb ? "check_constraints_mariadb.sql" : "check_constraints_mysql.sql" : file);
                    readAll(connection, query.replace(":schemas", schema).replace(":expression", mariaDb ? "NULL" : "EXPRESSION"));
                }
            });
        } finally {
            for (Connection connection : opened) {
                connection.close();
            }
        }
    }

    private static void readAll(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    rows.getString(column);
                }
            }
        }
    }
}
