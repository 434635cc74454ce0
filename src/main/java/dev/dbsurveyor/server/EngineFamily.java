package dev.dbsurveyor.server;

/** The engine family a server URL names: {@code postgres(ql)://} or {@code mysql://} / {@code mariadb://}. */
public enum EngineFamily {
    POSTGRESQL(5432, "postgres"),
    MYSQL(3306, null);

    private final int defaultPort;
    private final String defaultDatabase;

    EngineFamily(int defaultPort, String defaultDatabase) {
        this.defaultPort = defaultPort;
        this.defaultDatabase = defaultDatabase;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The database a connection uses when none is named: {@code postgres}, or none for MySQL. */
    public String defaultDatabase() {
        return defaultDatabase;
    }
}
