package dev.dbsurveyor.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionConfigTest {

    private static Environment env(Map<String, String> variables) {
        return new Environment(variables, Path.of("/nonexistent"));
    }

    @Test
    void defaultsAreThoseDocumented() {
        ConnectionConfig config = ConnectionConfig.defaults();

        assertThat(config.maxConnections()).isEqualTo(10);
        assertThat(config.minIdleConnections()).isEqualTo(2);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.acquireTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.maxLifetime()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(config.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ConnectionConfig.fromEnv(env(Map.of()))).isEqualTo(config);
    }

    @Test
    void everyVariableIsRead() {
        ConnectionConfig config = ConnectionConfig.fromEnv(env(Map.of(
                "DBSURVEYOR_MAX_CONNECTIONS", "40",
                "DBSURVEYOR_MIN_IDLE_CONNECTIONS", "0",
                "DBSURVEYOR_CONNECT_TIMEOUT_SECS", "5",
                "DBSURVEYOR_ACQUIRE_TIMEOUT_SECS", "6",
                "DBSURVEYOR_IDLE_TIMEOUT_SECS", "7",
                "DBSURVEYOR_MAX_LIFETIME_SECS", "8",
                "DBSURVEYOR_STATEMENT_TIMEOUT_SECS", " 9 ")));

        assertThat(config).isEqualTo(new ConnectionConfig(40, 0, Duration.ofSeconds(5), Duration.ofSeconds(6),
                Duration.ofSeconds(7), Duration.ofSeconds(8), Duration.ofSeconds(9)));
    }

    @Test
    void aFlagOverridesTheEnvironment() {
        ConnectionConfig fromEnv = ConnectionConfig.fromEnv(env(Map.of("DBSURVEYOR_MAX_CONNECTIONS", "40")));

        assertThat(fromEnv.toBuilder().maxConnections(3).build().maxConnections()).isEqualTo(3);
    }

    @Test
    void badValuesNameTheVariableAndTheProblem() {
        assertThatThrownBy(() -> ConnectionConfig.fromEnv(env(Map.of("DBSURVEYOR_MAX_CONNECTIONS", "ten"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DBSURVEYOR_MAX_CONNECTIONS: 'ten' is not a whole number");
        assertThatThrownBy(() -> ConnectionConfig.fromEnv(env(Map.of("DBSURVEYOR_MAX_CONNECTIONS", "0"))))
                .hasMessage("DBSURVEYOR_MAX_CONNECTIONS: max connections must be between 1 and 10000, not 0");
        assertThatThrownBy(() -> ConnectionConfig.fromEnv(env(Map.of("DBSURVEYOR_STATEMENT_TIMEOUT_SECS", "-1"))))
                .hasMessageStartingWith("DBSURVEYOR_STATEMENT_TIMEOUT_SECS: statement timeout must be more than 0 s");
        assertThatThrownBy(() -> ConnectionConfig.fromEnv(env(Map.of("DBSURVEYOR_CONNECT_TIMEOUT_SECS", "99999999999"))))
                .hasMessageStartingWith("DBSURVEYOR_CONNECT_TIMEOUT_SECS: '99999999999' is not a whole number");
        assertThatThrownBy(() -> ConnectionConfig.fromEnv(env(Map.of("DBSURVEYOR_IDLE_TIMEOUT_SECS", "1.5"))))
                .hasMessageStartingWith("DBSURVEYOR_IDLE_TIMEOUT_SECS");
        assertThatThrownBy(() -> ConnectionConfig.fromEnv(env(Map.of("DBSURVEYOR_MAX_LIFETIME_SECS", "86401"))))
                .hasMessageStartingWith("DBSURVEYOR_MAX_LIFETIME_SECS");
        assertThatThrownBy(() -> ConnectionConfig.fromEnv(env(Map.of("DBSURVEYOR_MIN_IDLE_CONNECTIONS", "20"))))
                .hasMessageContaining("DBSURVEYOR_MIN_IDLE_CONNECTIONS").hasMessageContaining("must be fewer than max connections (10)");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}={1}")
    @org.junit.jupiter.params.provider.MethodSource("everyVariableWithABadValue")
    void everyVariableRefusesEmptyNegativeFractionalAndHugeValuesByName(String variable, String value) {
        assertThatThrownBy(() -> ConnectionConfig.fromEnv(env(Map.of(variable, value))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(variable + ": ")
                .hasNoCause();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> everyVariableWithABadValue() {
        List<String> variables = List.of("DBSURVEYOR_MAX_CONNECTIONS", "DBSURVEYOR_MIN_IDLE_CONNECTIONS", "DBSURVEYOR_CONNECT_TIMEOUT_SECS",
                "DBSURVEYOR_ACQUIRE_TIMEOUT_SECS", "DBSURVEYOR_IDLE_TIMEOUT_SECS", "DBSURVEYOR_MAX_LIFETIME_SECS",
                "DBSURVEYOR_STATEMENT_TIMEOUT_SECS");
        List<String> values = List.of("", " ", "ten", "-1", "1.5", "99999999999", "0x10");
        return variables.stream().flatMap(variable -> values.stream()
                .map(value -> org.junit.jupiter.params.provider.Arguments.of(variable, value)));
    }

    @Test
    void builderRejectsEachBadValueAtOnce() {
        assertThatThrownBy(() -> ConnectionConfig.builder().maxConnections(0)).hasMessageContaining("max connections");
        assertThatThrownBy(() -> ConnectionConfig.builder().minIdleConnections(-1)).hasMessageContaining("min idle connections");
        assertThatThrownBy(() -> ConnectionConfig.builder().acquireTimeout(Duration.ZERO)).hasMessageContaining("acquire timeout");
        assertThatThrownBy(() -> ConnectionConfig.builder().idleTimeout(null)).hasMessageContaining("idle timeout");
        assertThatThrownBy(() -> ConnectionConfig.builder().maxConnections(2).minIdleConnections(2).build())
                .hasMessageContaining("must be fewer than");
    }
}
