package dev.dbsurveyor.server;

/**
 * The engine family a server URL names: {@code postgres(ql)://}, {@code mysql://} / {@code mariadb://},
 * or {@code sqlite://} (a file, or a directory of files, with no port).
 */
public enum EngineFamily {
    POSTGRESQL(5432, "postgres"),
    MYSQL(3306, null),
    SQLITE(0, null);

    private final int defaultPort;
    private final String defaultDatabase;

    EngineFamily(int defaultPort, String defaultDatabase) {
        this.defaultPort = defaultPort;
        this.defaultDatabase = defaultDatabase;
    }

    /** The port a URL without one means; 0 for SQLite, which has none. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The database a connection uses when none is named: {@code postgres}, or none for MySQL. */
    public String defaultDatabase() {
        return defaultDatabase;
    }
}
