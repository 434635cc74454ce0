package dev.dbsurveyor.server;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerTargetTest {

    @TempDir
    Path home;

    private Environment env(Map<String, String> variables) {
        return new Environment(variables, home);
    }

    private ServerTarget parse(String url) {
        return ServerTarget.parse(url, env(Map.of()));
    }

    @Test
    void parsesEveryPartAndPercentDecodesUserPasswordAndDatabase() {
        ServerTarget target = ServerTarget.parse(
                "postgresql://al%40ice:p%3Ass%2Fw+rd@db.example.com:6543/sales%20db?sslmode=require&connect_timeout=7&application_name=nightly",
                env(Map.of()));

        assertThat(target.engine()).isEqualTo(EngineFamily.POSTGRESQL);
        assertThat(target.user()).isEqualTo("al@ice");
        assertThat(target.passwordFor("sales db")).map(Secret::reveal).contains("p:ss/w+rd");
        assertThat(target.host()).isEqualTo("db.example.com");
        assertThat(target.port()).isEqualTo(6543);
        assertThat(target.database()).contains("sales db");
        assertThat(target.option("sslmode")).contains("require");
        assertThat(target.option("connect_timeout")).contains("7");
        assertThat(target.option("application_name")).contains("nightly");
    }

    @Test
    void defaultsHostPortDatabaseAndUser() {
        ServerTarget target = ServerTarget.parse("postgres://", env(Map.of("PGUSER", "bob")));

        assertThat(target.host()).isEqualTo("localhost");
        assertThat(target.port()).isEqualTo(5432);
        assertThat(target.user()).isEqualTo("bob");
        assertThat(target.database()).isEmpty();
        assertThat(target.defaultDatabase()).isEqualTo("postgres");
    }

    @Test
    void mysqlAndMariadbUrlsDefaultToPort3306AndNoDatabase() {
        ServerTarget mysql = ServerTarget.parse("mysql://root@db", env(Map.of("PGUSER", "not-for-mysql")));
        ServerTarget mariadb = parse("mariadb://root@db:3307/shop?sslmode=require&connect_timeout=3");

        assertThat(mysql.engine()).isEqualTo(EngineFamily.MYSQL);
        assertThat(mysql.port()).isEqualTo(3306);
        assertThat(mysql.database()).isEmpty();
        assertThat(mysql.defaultDatabase()).isNull();
        assertThat(mariadb.engine()).isEqualTo(EngineFamily.MYSQL);
        assertThat(mariadb.port()).isEqualTo(3307);
        assertThat(mariadb.database()).contains("shop");
        assertThat(mariadb.option("sslmode")).contains("require");
        assertThat(ServerTarget.parse("mysql://db", env(Map.of("PGUSER", "bob"))).user()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void mysqlPasswordsComeFromTheUrlThenDbsurveyorPasswordThenMysqlPwdNeverPgpass() throws Exception {
        Files.writeString(home.resolve(".pgpass"), "*:*:*:*:from-pgpass\n");
        Files.setPosixFilePermissions(home.resolve(".pgpass"), PosixFilePermissions.fromString("rw-------"));

        assertThat(ServerTarget.parse("mysql://u:from-url@db", env(Map.of("DBSURVEYOR_PASSWORD", "d", "MYSQL_PWD", "m")))
                .passwordFor("x")).map(Secret::reveal).contains("from-url");
        assertThat(ServerTarget.parse("mysql://u@db", env(Map.of("DBSURVEYOR_PASSWORD", "d", "MYSQL_PWD", "m")))
                .passwordFor("x")).map(Secret::reveal).contains("d");
        assertThat(ServerTarget.parse("mysql://u@db", env(Map.of("MYSQL_PWD", "m", "PGPASSWORD", "p")))
                .passwordFor("x")).map(Secret::reveal).contains("m");
        assertThat(ServerTarget.parse("mysql://u@db", env(Map.of("PGPASSWORD", "p"))).passwordFor("x")).isEmpty();
        assertThat(ServerTarget.parse("postgresql://u@db", env(Map.of("MYSQL_PWD", "m"))).passwordFor("x"))
                .map(Secret::reveal).contains("from-pgpass");
    }

    @Test
    void postgresOnlyOptionsAreRejectedOnMysqlUrls() {
        assertThatThrownBy(() -> parse("mysql://u:hunter2@db?application_name=x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("application_name")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theUrlsConnectTimeoutWinsOverTheConfigurations() {
        dev.dbsurveyor.config.ConnectionConfig config = dev.dbsurveyor.config.ConnectionConfig.defaults();

        assertThat(parse("mysql://u@db?connect_timeout=7").applyTo(config).connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(7));
        assertThat(parse("postgresql://u@db").applyTo(config)).isEqualTo(config);
    }

    @Test
    void theAddressIsLookedUpEvenWhenTheCertificateMustMatchTheName() {
        assertThat(parse("postgresql://u@localhost").resolvedAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        // The certificate is matched against the host as written, not against the address: no lookup is left to the driver.
        ServerTarget verifyFull = parse("postgresql://u@localhost?sslmode=verify-full&sslrootcert=system");
        assertThat(verifyFull.resolvedAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(verifyFull.tls().host()).isEqualTo("localhost");
        assertThat(parse("mysql://u@no-such-host.invalid").resolvedAddress()).isEqualTo("no-such-host.invalid");
    }

    @Test
    void readsBracketedIpv6Hosts() {
        ServerTarget target = parse("postgresql://u@[::1]:5433/x");

        assertThat(target.host()).isEqualTo("::1");
        assertThat(target.port()).isEqualTo(5433);
        assertThat(target.redacted()).isEqualTo("postgresql://u@[::1]:5433/x");
    }

    @Test
    void toStringMasksThePasswordWhereverItCameFrom() {
        ServerTarget inUserInfo = parse("postgresql://alice:hunter2@db:5432/sales?sslmode=prefer");
        ServerTarget inQuery = parse("postgresql://alice@db/sales?password=hunter2");

        assertThat(inUserInfo.toString()).isEqualTo("postgresql://alice:****@db:5432/sales?sslmode=prefer").doesNotContain("hunter2");
        assertThat(inQuery.toString()).doesNotContain("hunter2");
        assertThat(inQuery.passwordFor("sales")).map(Secret::reveal).contains("hunter2");
        assertThat(String.valueOf(inUserInfo.passwordFor("sales").orElseThrow())).isEqualTo(Secret.MASK);
    }

    @Test
    void passwordSourcesAreTriedInOrder() throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "db:5432:*:alice:from-pgpass\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        String url = "postgresql://alice@db:5432/sales";

        assertThat(ServerTarget.parse(url, env(Map.of("DBSURVEYOR_PASSWORD", "a", "PGPASSWORD", "b"))).passwordFor("sales"))
                .map(Secret::reveal).contains("a");
        assertThat(ServerTarget.parse(url, env(Map.of("PGPASSWORD", "b"))).passwordFor("sales")).map(Secret::reveal).contains("b");
        assertThat(ServerTarget.parse(url, env(Map.of())).passwordFor("sales")).map(Secret::reveal).contains("from-pgpass");
        assertThat(ServerTarget.parse("postgresql://alice:url@db:5432/sales", env(Map.of("PGPASSWORD", "b"))).passwordFor("sales"))
                .map(Secret::reveal).contains("url");
    }

    @Test
    void pgpassFollowsLibpqMatchingRules() throws Exception {
        Path pgpass = home.resolve("custom.pgpass");
        Files.writeString(pgpass, String.join("\n",
                "# comment",
                "other:5432:*:alice:wrong-host",
                "db:5432:reports:alice:for-reports",
                "db:*:*:alice:pa\\:ss\\\\word:with:colons",
                "*:*:*:*:fallback"));
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Environment environment = env(Map.of("PGPASSFILE", pgpass.toString()));
        ServerTarget target = ServerTarget.parse("postgresql://alice@db:5432", environment);

        assertThat(target.passwordFor("reports")).map(Secret::reveal).contains("for-reports");
        assertThat(target.passwordFor("sales")).map(Secret::reveal).contains("pa:ss\\word:with:colons");
        assertThat(ServerTarget.parse("postgresql://bob@elsewhere", environment).passwordFor("x")).map(Secret::reveal).contains("fallback");
    }

    @Test
    void pgpassReadableByOthersIsIgnoredAsLibpqDoes() throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "*:*:*:*:exposed\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(parse("postgresql://alice@db").passwordFor("x")).isEmpty();
    }

    @Test
    void anotherDatabaseKeepsEverythingElse() {
        ServerTarget target = parse("postgresql://alice:pw@db:5433/first?sslmode=disable");

        ServerTarget other = target.withDatabase("second");

        assertThat(other.database()).contains("second");
        assertThat(other.port()).isEqualTo(5433);
        assertThat(other.option("sslmode")).contains("disable");
        assertThat(other.passwordFor("second")).map(Secret::reveal).contains("pw");
    }

    @Test
    void badUrlsAreConfigurationErrorsThatNeverEchoThePassword() {
        for (String url : new String[] {"", "db.example.com", "http://alice:hunter2@db", "postgresql://alice:hunter2@db:99999",
                "postgresql://alice:hunter2@db:port", "postgresql://alice:hunter2@db/x?sslmode=maybe",
                "postgresql://alice:hunter2@db/x?connect_timeout=0", "postgresql://alice:hunter2@db/x?frobnicate=1",
                "postgresql://alice:hunter2%zz@db/x", "postgresql://alice:hunter2@db:1:2/x",
                "postgresql://alice:hun/ter2@db/prod", "postgresql://alice:2024/hunter2@db/prod", "postgresql://alice:hun?ter2@db",
                "postgresql://alice:hun#ter2@db"}) {
            assertThatThrownBy(() -> parse(url)).as(url)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageNotContaining("hunter2");
        }
    }
}
