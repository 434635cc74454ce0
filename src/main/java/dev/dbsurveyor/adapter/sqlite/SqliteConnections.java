package dev.dbsurveyor.adapter.sqlite;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens SQLite files so that reading them never writes: read-only ({@code mode=ro}, so a file
 * that is not there fails instead of being made), {@code query_only}, schemas untrusted, no
 * extension loading, and a short busy timeout so that a file a writer holds fails fast and is
 * retried with backoff. A WAL-mode file with no {@code -wal} file beside it is opened
 * {@code immutable=1}: every page is in the file, and a read-only open would otherwise create
 * {@code -wal} and {@code -shm} files beside it. Counts the connections it has open.
 */
final class SqliteConnections {

    /** How long a statement waits for a writer's lock before failing with SQLITE_BUSY (then retried by the sweep's policy). */
    static final Duration BUSY_TIMEOUT = Duration.ofMillis(250);

    private final boolean immutable;
    private final AtomicInteger open = new AtomicInteger();

    SqliteConnections(boolean immutable) {
        this.immutable = immutable;
    }

    /** A connection to {@code file}; a blocking call. {@code readImmutable} is set when the file is opened as immutable. */
    Connection open(SqliteFile file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        config.enableLoadExtension(false);
        Connection connection = config.createConnection("jdbc:sqlite:" + uri(file.path(), immutable(file)));
        open.incrementAndGet();
        try (Statement statement = connection.createStatement()) {
            // First, and here, not only in the configuration: the driver rebuilds its settings from a URI's parameters.
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT.toMillis());
            statement.execute("PRAGMA query_only = ON");
            statement.execute("PRAGMA trusted_schema = OFF");
        } catch (SQLException | RuntimeException e) {
            close(connection);
            throw e;
        }
        return connection;
    }

    /** Whether {@code file} is read as immutable: when asked, or when it is in WAL mode without a {@code -wal} file. */
    boolean immutable(SqliteFile file) {
        return immutable || (file.header().walMode() && !Files.exists(file.path().resolveSibling(file.path().getFileName() + "-wal")));
    }

    void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a read-only connection releases only its own locks; there is nothing to keep.
        } finally {
            open.decrementAndGet();
        }
    }

    int openCount() {
        return open.get();
    }

    /** The file as a SQLite URI: every byte but unreserved ones and {@code /} percent-encoded, so no name can add a parameter. */
    static String uri(Path path, boolean immutable) {
        StringBuilder uri = new StringBuilder("file:");
        for (byte b : path.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                uri.append((char) c);
            } else {
                uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        uri.append("?mode=ro");
        if (immutable) {
            uri.append("&immutable=1");
        }
        return uri.toString();
    }
}
