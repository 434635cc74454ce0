package dev.dbsurveyor.adapter.sqlite;

import org.sqlite.SQLiteException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SQLite's error messages, made short: the driver's {@code [SQLITE_X] Generic text (detail)} becomes {@code detail (SQLITE_X)}. */
final class SqliteErrors {

    private static final Pattern DRIVER_MESSAGE = Pattern.compile("^\\[(SQLITE_[A-Z_]+)][^(]*\\((.+)\\)\\s*$", Pattern.DOTALL);

    private SqliteErrors() {
    }

    static String message(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage().strip();
        if (error instanceof SQLiteException) {
            Matcher matcher = DRIVER_MESSAGE.matcher(message);
            if (matcher.matches()) {
                return matcher.group(2).strip() + " (" + matcher.group(1) + ")";
            }
        }
        return message;
    }
}
