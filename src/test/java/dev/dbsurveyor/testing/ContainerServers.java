package dev.dbsurveyor.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.Optional;

/** Starts a server in a container when a Docker engine answers; containers live until the JVM ends. */
final class ContainerServers {

    private static final String PASSWORD = "dbsurveyor-test";

    private ContainerServers() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Optional<ServerEndpoint> start(Engine engine) {
        if (!dockerAvailable()) {
            return Optional.empty();
        }
        String image = Optional.ofNullable(System.getenv(engine.imageVariable())).filter(s -> !s.isBlank()).orElse(engine.defaultImage());
        JdbcDatabaseContainer<?> container = engine == Engine.POSTGRES ? postgres(image) : mysqlFamily(image);
        container.start();
        return Optional.of(new ServerEndpoint(engine, container.getHost(), container.getMappedPort(engine.localPort()),
                container.getUsername(), container.getPassword(), "Testcontainers " + image));
    }

    private static JdbcDatabaseContainer<?> postgres(String image) {
        return new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withUsername("postgres")
                .withPassword(PASSWORD);
    }

    /**
     * MySQL and MariaDB containers wait by opening a JDBC connection, and this project has no JDBC
     * driver: they wait for the server's "ready" log line instead, and the harness then polls over R2DBC.
     */
    private static JdbcDatabaseContainer<?> mysqlFamily(String image) {
        boolean mariadb = image.contains("mariadb");
        DockerImageName name = DockerImageName.parse(image).asCompatibleSubstituteFor(mariadb ? "mariadb" : "mysql");
        JdbcDatabaseContainer<?> container = mariadb ? new LogWaitingMariaDbContainer(name) : new LogWaitingMySqlContainer(name);
        return container
                .withUsername("root")
                .withPassword(PASSWORD)
                .waitingFor(Wait.forLogMessage(".*port: 3306 .*", 1));
    }

    private static final class LogWaitingMySqlContainer extends MySQLContainer {
        LogWaitingMySqlContainer(DockerImageName image) {
            super(image);
        }

        @Override
        protected void waitUntilContainerStarted() {
            getWaitStrategy().waitUntilReady(this);
        }
    }

    private static final class LogWaitingMariaDbContainer extends MariaDBContainer {
        LogWaitingMariaDbContainer(DockerImageName image) {
            super(image);
        }

        @Override
        protected void waitUntilContainerStarted() {
            getWaitStrategy().waitUntilReady(this);
        }
    }
}
