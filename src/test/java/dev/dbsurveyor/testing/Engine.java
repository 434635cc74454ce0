package dev.dbsurveyor.testing;

/** The engine families the integration tests need a server of, and where each is looked for. */
public enum Engine {
    POSTGRES("PostgreSQL", "DBSURVEYOR_TEST_POSTGRES_URL", "DBSURVEYOR_TEST_POSTGRES_IMAGE", "postgres:17", 5432, "postgres"),
    MYSQL("MySQL/MariaDB", "DBSURVEYOR_TEST_MYSQL_URL", "DBSURVEYOR_TEST_MYSQL_IMAGE", "mysql:8.4", 3306, "root");

    private final String label;
    private final String urlVariable;
    private final String imageVariable;
    private final String defaultImage;
    private final int localPort;
    private final String localUser;

    Engine(String label, String urlVariable, String imageVariable, String defaultImage, int localPort, String localUser) {
        this.label = label;
        this.urlVariable = urlVariable;
        this.imageVariable = imageVariable;
        this.defaultImage = defaultImage;
        this.localPort = localPort;
        this.localUser = localUser;
    }

    public String label() {
        return label;
    }

    public String urlVariable() {
        return urlVariable;
    }

    public String imageVariable() {
        return imageVariable;
    }

    public String defaultImage() {
        return defaultImage;
    }

    public int localPort() {
        return localPort;
    }

    public String localUser() {
        return localUser;
    }

    /** The R2DBC driver name. */
    public String driver() {
        return this == POSTGRES ? "postgresql" : "mysql";
    }

    /** Quotes an identifier for this engine's SQL. */
    public String quote(String identifier) {
        return this == POSTGRES
                ? '"' + identifier.replace("\"", "\"\"") + '"'
                : '`' + identifier.replace("`", "``") + '`';
    }
}
