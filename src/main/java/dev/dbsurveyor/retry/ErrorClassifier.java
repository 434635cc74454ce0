package dev.dbsurveyor.retry;

import dev.dbsurveyor.model.ErrorCategory;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides what a driver error means. It reads the first R2DBC error in the
 * cause chain by its code (MySQL/MariaDB vendor number, else PostgreSQL SQLSTATE) rather than by
 * exception class, because the drivers map codes a sweep must retry (statement timeout, too many
 * connections, shutdown) to "non-transient" classes. An error with a code the tables do not know
 * is {@code Other} and not retried; only an error without any code is judged by its type. A TLS
 * refusal ({@link TlsRefusedException}) is a permission error of the connection, never retried.
 * SQLite's errors are read by their primary result code: a file busy or locked by a writer is
 * retried, a file that is no database or is corrupt is bad data, never retried; a file that is
 * not there or may not be read is a connection error that no retry heals.
 */
public final class ErrorClassifier {

    private static final ErrorClassification PERMISSION = new ErrorClassification(ErrorCategory.PERMISSION, false, false);
    private static final ErrorClassification AUTHENTICATION = new ErrorClassification(ErrorCategory.PERMISSION, false, true);
    /** A TLS refusal: a connection error of configuration, which no retry heals. */
    private static final ErrorClassification TLS_REFUSED = new ErrorClassification(ErrorCategory.PERMISSION, false, true);
    private static final ErrorClassification NOT_FOUND = new ErrorClassification(ErrorCategory.NOT_FOUND, false, false);
    private static final ErrorClassification MISSING_DATABASE = new ErrorClassification(ErrorCategory.NOT_FOUND, false, true);
    private static final ErrorClassification TIMEOUT = new ErrorClassification(ErrorCategory.TIMEOUT, true, false);
    private static final ErrorClassification NO_CONNECTION_IN_TIME = new ErrorClassification(ErrorCategory.TIMEOUT, true, true);
    private static final ErrorClassification CONNECTION = new ErrorClassification(ErrorCategory.OTHER, true, true);
    private static final ErrorClassification CONFLICT = new ErrorClassification(ErrorCategory.OTHER, true, false);
    private static final ErrorClassification INVALID_DATA = new ErrorClassification(ErrorCategory.INVALID_DATA, false, false);
    private static final ErrorClassification OTHER = new ErrorClassification(ErrorCategory.OTHER, false, false);

    private static final Map<Integer, ErrorClassification> MYSQL_CODES = Map.ofEntries(
            Map.entry(1044, AUTHENTICATION), // access denied to database
            Map.entry(1045, AUTHENTICATION), // access denied for user (wrong password)
            Map.entry(1142, PERMISSION), // command denied on table
            Map.entry(1143, PERMISSION), // command denied on column
            Map.entry(1227, PERMISSION), // a privilege is needed
            Map.entry(1370, PERMISSION), // command denied on routine
            Map.entry(1049, MISSING_DATABASE), // unknown database
            Map.entry(1146, NOT_FOUND), // table does not exist
            Map.entry(1054, NOT_FOUND), // unknown column
            Map.entry(1305, NOT_FOUND), // routine does not exist
            Map.entry(1040, CONNECTION), // too many connections
            Map.entry(1203, CONNECTION), // user has too many connections
            Map.entry(1053, CONNECTION), // server shutdown in progress
            Map.entry(1152, CONNECTION), // aborted connection
            Map.entry(1927, CONNECTION), // connection was killed (MariaDB)
            Map.entry(2002, CONNECTION), // cannot connect through socket
            Map.entry(2003, CONNECTION), // cannot connect to server
            Map.entry(2006, CONNECTION), // server has gone away
            Map.entry(2013, CONNECTION), // lost connection during query
            Map.entry(1205, TIMEOUT), // lock wait timeout
            Map.entry(1317, TIMEOUT), // query interrupted
            Map.entry(3024, TIMEOUT), // MAX_EXECUTION_TIME exceeded (MySQL)
            Map.entry(1969, TIMEOUT), // max_statement_time exceeded (MariaDB)
            Map.entry(1213, CONFLICT), // deadlock
            Map.entry(1292, INVALID_DATA), // incorrect value
            Map.entry(1366, INVALID_DATA)); // incorrect value for column

    private static final Map<Integer, ErrorClassification> SQLITE_CODES = Map.ofEntries(
            Map.entry(3, PERMISSION), // SQLITE_PERM
            Map.entry(5, CONFLICT), // SQLITE_BUSY: a writer holds the file
            Map.entry(6, CONFLICT), // SQLITE_LOCKED: a table is locked
            Map.entry(8, PERMISSION), // SQLITE_READONLY
            Map.entry(9, TIMEOUT), // SQLITE_INTERRUPT: the statement's time ran out
            Map.entry(10, CONNECTION), // SQLITE_IOERR
            Map.entry(11, INVALID_DATA), // SQLITE_CORRUPT
            Map.entry(14, MISSING_DATABASE), // SQLITE_CANTOPEN
            Map.entry(23, PERMISSION), // SQLITE_AUTH
            Map.entry(26, INVALID_DATA)); // SQLITE_NOTADB

    private ErrorClassifier() {
    }

    public static ErrorClassification classify(Throwable error) {
        // Before any code: the driver's error a TLS refusal wraps says "connection failure" (08xxx), which is retried.
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TlsRefusedException) {
                return TLS_REFUSED;
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                return SQLITE_CODES.getOrDefault(sqlite.getResultCode().code & 0xff, OTHER);
            }
            if (cause instanceof R2dbcException r2dbc) {
                ErrorClassification byCode = byCode(r2dbc);
                if (byCode != null) {
                    return byCode;
                }
            }
        }
        return byType(error);
    }

    private static ErrorClassification byCode(R2dbcException error) {
        if (error.getErrorCode() != 0) {
            ErrorClassification mysql = MYSQL_CODES.get(error.getErrorCode());
            if (mysql != null) {
                return mysql;
            }
        }
        String state = error.getSqlState();
        if (state == null || state.length() != 5) {
            return null;
        }
        return switch (state) {
            case "42501" -> PERMISSION;
            case "3D000" -> MISSING_DATABASE;
            case "42P01", "42703", "42704", "42883", "3F000" -> NOT_FOUND;
            case "57014", "55P03" -> TIMEOUT;
            case "57P01", "57P02", "57P03", "53300" -> CONNECTION;
            case "40001", "40P01", "XX000" -> CONFLICT;
            default -> switch (state.substring(0, 2)) {
                case "28" -> AUTHENTICATION;
                case "08" -> CONNECTION;
                case "53" -> CONFLICT;
                case "22", "23" -> INVALID_DATA;
                default -> OTHER;
            };
        };
    }

    private static ErrorClassification byType(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoSuchFileException) {
                return MISSING_DATABASE;
            }
            if (cause instanceof AccessDeniedException) {
                return AUTHENTICATION;
            }
            if (cause instanceof ConnectionTimeoutException) {
                return NO_CONNECTION_IN_TIME;
            }
            if (cause instanceof R2dbcTimeoutException || cause instanceof TimeoutException) {
                return TIMEOUT;
            }
            if (cause instanceof R2dbcPermissionDeniedException) {
                return PERMISSION;
            }
            if (cause instanceof R2dbcDataIntegrityViolationException) {
                return INVALID_DATA;
            }
            if (cause instanceof R2dbcTransientResourceException || cause instanceof R2dbcRollbackException) {
                return CONFLICT;
            }
            if (cause instanceof IOException || cause instanceof ClosedChannelException
                    || cause instanceof R2dbcNonTransientResourceException
                    || cause.getClass().getName().endsWith("ConnectionClosedException")) {
                return CONNECTION;
            }
        }
        return OTHER;
    }
}
