package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.model.ServerType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MySqlFlavourTest {

    @Test
    void readsTheServerAndItsVersionFromTheVersionString() {
        MySqlFlavour mariaDb = MySqlFlavour.of("10.11.19-MariaDB-0+deb12u1");
        MySqlFlavour mysql = MySqlFlavour.of("8.4.3");

        assertThat(mariaDb.type()).isEqualTo(ServerType.MARIADB);
        assertThat(mariaDb.versionNumber()).isEqualTo(101_119);
        assertThat(mysql.type()).isEqualTo(ServerType.MYSQL);
        assertThat(mysql.versionNumber()).isEqualTo(80_403);
        assertThatThrownBy(() -> MySqlFlavour.of("unknown")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catalogFeaturesFollowTheVersion() {
        assertThat(MySqlFlavour.of("5.7.44").hasCheckConstraints()).isFalse();
        assertThat(MySqlFlavour.of("8.0.16").hasCheckConstraints()).isTrue();
        assertThat(MySqlFlavour.of("10.2.21-MariaDB").hasCheckConstraints()).isFalse();
        assertThat(MySqlFlavour.of("10.2.22-MariaDB").hasCheckConstraints()).isTrue();
        assertThat(MySqlFlavour.of("10.3.9-MariaDB").hasCheckConstraints()).isFalse();
        assertThat(MySqlFlavour.of("10.3.10-MariaDB").hasCheckConstraints()).isTrue();
        assertThat(MySqlFlavour.of("8.0.13").hasIndexExpressions()).isTrue();
        assertThat(MySqlFlavour.of("11.4.2-MariaDB").hasIndexExpressions()).isFalse();
        assertThat(MySqlFlavour.of("8.4.0").cachesTableStatistics()).isTrue();
        assertThat(MySqlFlavour.of("5.7.44").cachesTableStatistics()).isFalse();
    }

    @Test
    void aTimeLimitIsWrittenTheWayEachServerReadsIt() {
        assertThat(MySqlFlavour.of("10.11.9-MariaDB").limited("SELECT 1", 1500))
                .isEqualTo("SET STATEMENT max_statement_time = 1.500 FOR SELECT 1");
        assertThat(MySqlFlavour.of("8.4.3").limited("SELECT a FROM t", 1500))
                .isEqualTo("SELECT /*+ MAX_EXECUTION_TIME(1500) */ a FROM t");
        assertThat(MySqlFlavour.of("5.6.51").limited("SELECT 1", 1500)).isEqualTo("SELECT 1");
    }

    @Test
    void schemaNamesBecomeHexLiteralsThatNothingCanEscape() {
        assertThat(SchemaLiterals.literal("a'b")).isEqualTo("X'612762'");
        assertThat(SchemaLiterals.literal("ü")).isEqualTo("X'c3bc'");
    }
}
