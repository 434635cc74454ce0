package dev.dbsurveyor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The help of every command names all three engines and both URL forms, each URL on one line. */
class HelpTextTest {

    private static final String POSTGRESQL_FORM = "postgresql://user[:password]@host[:port][/database]";
    private static final String MYSQL_FORM = "mysql://user[:password]@host[:port][/database]";
    private static final String MARIADB_FORM = "mariadb://user[:password]@host[:port][/database]";

    @Test
    void theTopCommandNamesPostgresqlMysqlAndMariadbAndBothUrlForms() {
        CommandRun help = CommandRun.of("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("whole PostgreSQL, MySQL and MariaDB servers")
                .doesNotContain("whole PostgreSQL servers")
                .contains("postgresql://", "mysql://", "mariadb://")
                .contains("completion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"collect", "list", "test"})
    void everyCommandThatTakesAUrlShowsBothFormsWholeAndAnExampleOfEach(String command) {
        CommandRun help = CommandRun.of(command, "--help");

        assertThat(help.exitCode()).as(help.all()).isZero();
        assertThat(help.out()).contains(POSTGRESQL_FORM, MYSQL_FORM, MARIADB_FORM)
                .contains("PostgreSQL", "MySQL", "MariaDB")
                .contains("dbsurveyor " + command + " postgresql://")
                .contains("dbsurveyor " + command + " mysql://")
                .contains("dbsurveyor " + command + " mariadb://");
        assertThat(help.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }

    @Test
    void theHelpOfEveryCommandIsPrintedToStandardOutput() {
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            CommandRun help = CommandRun.of(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: dbsurveyor " + command);
            assertThat(help.err()).as(command).isEmpty();
        }
    }

    @Test
    void theHelpOfDiffFitsEightyColumnsAndSaysItsExitCodesAreDiffs() {
        CommandRun help = CommandRun.of("diff", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes (as diff(1), unlike the other commands):", "0  no differences", "1  differences",
                "2  usage or input error");
        assertThat(help.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        assertThat(CommandRun.of("--help").out()).contains("diff exits as diff(1)");
    }
}
