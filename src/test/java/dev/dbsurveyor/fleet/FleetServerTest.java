package dev.dbsurveyor.fleet;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server of an inventory resolved: its password's sources in order, and the settings it ends with. */
class FleetServerTest {

    @TempDir
    Path directory;

    private FleetServer resolve(String yaml, Map<String, String> variables, int fleetConcurrency) {
        Environment environment = new Environment(variables, directory);
        InventoryEntry entry = InventoryFile.yaml(yaml, "fleet.yaml", directory, environment).servers().get(0);
        return FleetServer.resolve(entry, new FleetConfig(fleetConcurrency, Shard.whole(), ConnectionConfig.defaults(),
                MultiDatabaseConfig.defaults(), environment));
    }

    @Test
    void theLabelsVariableComesBeforeThePasswordFileAndTheFileBeforeTheGeneralVariable() throws Exception {
        Files.writeString(directory.resolve("eu.txt"), "from-file\nignored\n");
        String yaml = "servers:\n  - {label: sales-eu, url: 'postgresql://surveyor@eu.example.com/postgres', password_file: eu.txt}\n";

        assertThat(resolve(yaml, Map.of("DBSURVEYOR_PASSWORD_SALES_EU", "own", "DBSURVEYOR_PASSWORD", "all"), 64).target()
                .passwordFor("sales").orElseThrow().reveal()).isEqualTo("own");
        assertThat(resolve(yaml, Map.of("DBSURVEYOR_PASSWORD", "all"), 64).target().passwordFor("sales").orElseThrow().reveal())
                .isEqualTo("from-file");
    }

    @Test
    void aMissingPasswordFileIsNamedWithoutItsContent() {
        assertThatThrownBy(() -> resolve("servers:\n  - {label: a, url: 'postgresql://u@h', password_file: none.txt}\n", Map.of(), 64))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("none.txt").hasMessageContaining("(a)");
    }

    @Test
    void aServerTakesNoMoreDatabasesAtOnceThanItHasConnectionsNorThanTheFleetAllows() {
        FleetServer server = resolve("servers:\n  - {label: a, url: 'postgresql://u@h', max_connections: 5, statement_timeout: 7, sample: 3, "
                + "include: 'sales_*'}\n", Map.of(), 64);

        assertThat(server.connection().maxConnections()).isEqualTo(5);
        assertThat(server.connection().minIdleConnections()).isLessThan(5);
        assertThat(server.connection().statementTimeout()).hasSeconds(7);
        assertThat(server.sweep().maxConcurrency()).isEqualTo(5);
        assertThat(server.sweep().sampling().rowsPerTable()).isEqualTo(3);
        assertThat(server.sweep().includePatterns()).hasSize(1);
        assertThat(resolve("servers:\n  - {label: a, url: 'postgresql://u@h', max_concurrency: 30}\n", Map.of(), 4).sweep().maxConcurrency())
                .isEqualTo(4);
    }

    @Test
    void oneConnectionIsTooFewForASweep() {
        assertThatThrownBy(() -> resolve("servers:\n  - {label: a, url: 'postgresql://u@h', max_connections: 1}\n", Map.of(), 64))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 2 connections");
    }
}
