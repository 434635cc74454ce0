package dev.dbsurveyor.adapter.sqlite;

import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A statement's time limit: when it runs out, the statement is interrupted ({@code sqlite3_interrupt})
 * and fails with SQLITE_INTERRUPT. The driver's own {@code setQueryTimeout} is not used because it
 * sets the connection's busy timeout instead, so that a file a writer holds would be waited for
 * for the whole limit instead of failing fast and being retried.
 */
final class StatementDeadline implements AutoCloseable {

    private final Disposable interruption;

    private StatementDeadline(Disposable interruption) {
        this.interruption = interruption;
    }

    static StatementDeadline of(Statement statement, Duration limit) {
        return new StatementDeadline(Schedulers.parallel().schedule(() -> interrupt(statement), limit.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static void interrupt(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // The statement ended meanwhile: there is nothing left to interrupt.
        }
    }

    @Override
    public void close() {
        interruption.dispose();
    }
}
