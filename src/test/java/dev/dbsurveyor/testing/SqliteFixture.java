package dev.dbsurveyor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SQLite files made by the tests with SQLite's own library (the JDBC driver, writing) and, where
 * a test asks for it, with the {@code sqlite3} command; and what a directory of them holds, to
 * prove that reading them changed nothing.
 */
public final class SqliteFixture {

    /** A schema with every kind of object the SQLite adapter collects, and a few rows. */
    public static final List<String> EVERY_KIND = List.of(
            "CREATE TABLE users(id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL CONSTRAINT email_once UNIQUE, "
                    + "name VARCHAR(40) DEFAULT 'anon', active BOOLEAN NOT NULL DEFAULT 1, created_at DATETIME DEFAULT CURRENT_TIMESTAMP, "
                    + "CONSTRAINT email_shape CHECK (email LIKE '%@%'))",
            "CREATE TABLE orders(id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id) ON DELETE CASCADE, total REAL CHECK (total >= 0), "
                    + "qty INT, price NUMERIC(10,2), doubled AS (total * 2) STORED, next_qty INTEGER GENERATED ALWAYS AS (qty + 1) VIRTUAL, "
                    + "CONSTRAINT buyer FOREIGN KEY (qty) REFERENCES users ON UPDATE SET NULL ON DELETE RESTRICT)",
            "CREATE TABLE settings(key TEXT PRIMARY KEY, value BLOB, UNIQUE (value, key)) WITHOUT ROWID",
            "CREATE TABLE measurements(sensor INTEGER NOT NULL, reading REAL, note TEXT, anything ANY) STRICT",
            "CREATE TABLE codes(code TEXT PRIMARY KEY, label TEXT)",
            "CREATE INDEX orders_recent ON orders(total DESC, lower(user_id)) WHERE total > 0",
            "CREATE UNIQUE INDEX users_email_lower ON users(lower(email))",
            "CREATE VIEW big_orders AS SELECT o.id, u.email FROM orders AS o JOIN users AS u ON u.id = o.user_id WHERE o.total > 100",
            "CREATE TRIGGER users_touched AFTER UPDATE OF email ON users BEGIN UPDATE users SET name = name WHERE id = NEW.id; END",
            "CREATE TRIGGER big_orders_insert INSTEAD OF INSERT ON big_orders BEGIN SELECT 1; END",
            "CREATE VIRTUAL TABLE documents USING fts5(title, body)",
            "CREATE VIRTUAL TABLE boxes USING rtree(id, min_x, max_x)",
            "INSERT INTO users(email) VALUES ('a@example.com'), ('b@example.com'), ('c@example.com')",
            "INSERT INTO orders(user_id, total, qty) VALUES (1, 10.5, 1), (2, 200, 2)",
            "INSERT INTO measurements VALUES (1, 0.5, 'x', 'y'), (2, 1.5, 'z', 3)",
            "ANALYZE");

    private SqliteFixture() {
    }

    /** Makes {@code file} (in rollback-journal mode) and runs {@code statements} on it, in order. */
    public static Path create(Path file, List<String> statements) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return file;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code file} with {@code tables} tables of a few columns, a key, an index and a foreign key each. */
    public static Path withTables(Path file, int tables) {
        List<String> statements = new java.util.ArrayList<>();
        statements.add("BEGIN");
        for (int i = 0; i < tables; i++) {
            statements.add("CREATE TABLE t" + i + "(id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount NUMERIC(12,2), created_at DATETIME, "
                    + "parent INTEGER REFERENCES t" + (i == 0 ? 0 : i - 1) + "(id))");
            statements.add("CREATE INDEX t" + i + "_name ON t" + i + "(name)");
        }
        statements.add("COMMIT");
        return create(file, statements);
    }

    /** Runs Debian's {@code sqlite3} command on {@code file}; fails the test when it fails. */
    public static String sqlite3(Path file, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("sqlite3"));
        command.addAll(List.of(arguments).subList(0, Math.max(0, arguments.length - 1)));
        command.add(file.toString());
        if (arguments.length > 0) {
            command.add(arguments[arguments.length - 1]);
        }
        ExternalTools.Result result = ExternalTools.run(command, Map.of(), null);
        if (result.exitCode() != 0) {
            throw new AssertionError("sqlite3 failed on " + file + ": " + result.err());
        }
        return result.outText();
    }

    /** Every file under {@code directory} by its relative path, with its SHA-256: the listing and the contents at once. */
    public static Map<String, String> contents(Path directory) {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sums.put(directory.relativize(file).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return sums;
    }
}
