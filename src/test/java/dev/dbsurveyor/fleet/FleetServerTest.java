package dev.dbsurveyor.fleet;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.model.OutputMode;
import dev.dbsurveyor.sweep.GlobPattern;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private FleetServer resolveOver(String yaml, MultiDatabaseConfig sweep) {
        Environment environment = new Environment(Map.of(), directory);
        InventoryEntry entry = InventoryFile.yaml(yaml, "fleet.yaml", directory, environment).servers().get(0);
        return FleetServer.resolve(entry, new FleetConfig(64, Shard.whole(), ConnectionConfig.defaults(), sweep, environment));
    }

    private static List<String> globs(List<GlobPattern> patterns) {
        return patterns.stream().map(GlobPattern::toString).toList();
    }

    @Test
    void withoutItsOwnVariableOrFileAServerTakesThePasswordAsCollectFindsIt() {
        FleetServer server = resolve("servers:\n  - {label: a, url: 'postgresql://u@h'}\n", Map.of("DBSURVEYOR_PASSWORD", "all",
                "DBSURVEYOR_PASSWORD_B", "not-mine"), 64);

        assertThat(server.target().passwordFor("postgres").orElseThrow().reveal()).isEqualTo("all");
        assertThat(resolve("servers:\n  - {label: a, url: 'postgresql://u@h'}\n", Map.of(), 64).target().passwordFor("postgres")).isEmpty();
    }

    @Test
    void aLabelsVariableIsItsNameInCapitalsWithOtherCharactersAsUnderscores() {
        FleetServer server = resolve("servers:\n  - {label: sales.eu-2, url: 'mysql://root@h'}\n",
                Map.of("DBSURVEYOR_PASSWORD_SALES_EU_2", "own", "MYSQL_PWD", "general"), 64);

        assertThat(server.target().passwordFor("app").orElseThrow().reveal()).isEqualTo("own");
        assertThat(server.label()).isEqualTo("sales.eu-2");
    }

    @Test
    void onlyThePasswordFilesFirstLineIsThePassword() throws Exception {
        Files.writeString(directory.resolve("a.txt"), "first line \r\nsecond\r\n");

        FleetServer server = resolve("servers:\n  - {label: a, url: 'postgresql://u@h', password_file: a.txt}\n", Map.of(), 64);

        assertThat(server.target().passwordFor("postgres").orElseThrow().reveal()).isEqualTo("first line ");
    }

    @Test
    void anEmptyPasswordFileIsRefusedNamingIt() throws Exception {
        Files.writeString(directory.resolve("empty.txt"), "\nnot-the-password\n");

        assertThatThrownBy(() -> resolve("servers:\n  - {label: a, url: 'postgresql://u@h', password_file: empty.txt}\n", Map.of(), 64))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("empty.txt").hasMessageContaining("empty")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void aPasswordFileThatCannotBeReadIsNamedWithoutWhatItHolds() throws Exception {
        Files.createDirectories(directory.resolve("secret.d"));

        assertThatThrownBy(() -> resolve("servers:\n  - {label: a, url: 'postgresql://u@h', password_file: secret.d}\n", Map.of(), 64))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("fleet.yaml server 1 (a): ").hasMessageContaining("secret.d");
    }

    @Test
    void aServersOwnTimeoutsAndConnectionsReplaceTheFleetsAndTheRestIsKept() {
        ConnectionConfig base = ConnectionConfig.defaults();

        FleetServer server = resolve("servers:\n  - {label: a, url: 'postgresql://u@h', max_connections: 3, connect_timeout: 9, "
                + "statement_timeout: 120}\n", Map.of(), 64);

        assertThat(server.connection().maxConnections()).isEqualTo(3);
        assertThat(server.connection().connectTimeout()).hasSeconds(9);
        assertThat(server.connection().statementTimeout()).hasSeconds(120);
        assertThat(server.connection().acquireTimeout()).isEqualTo(base.acquireTimeout());
        assertThat(server.connection().minIdleConnections()).isLessThan(3);
        FleetServer plain = resolve("servers:\n  - {label: a, url: 'postgresql://u@h'}\n", Map.of(), 64);
        assertThat(plain.connection()).isEqualTo(base);
    }

    @Test
    void timeoutsUnderASecondAreRefused() {
        assertThatThrownBy(() -> resolve("servers:\n  - {label: a, url: 'postgresql://u@h', connect_timeout: 0}\n", Map.of(), 64))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("connect_timeout is at least 1 second");
        assertThatThrownBy(() -> resolve("servers:\n  - {label: a, url: 'postgresql://u@h', statement_timeout: -5}\n", Map.of(), 64))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("statement_timeout is at least 1 second");
    }

    @Test
    void aServersConcurrencyIsTheLeastOfTheFleetsBoundAndItsOwnOrItsConnections() {
        assertThat(resolve("servers:\n  - {label: a, url: 'postgresql://u@h', max_concurrency: 3}\n", Map.of(), 64).sweep().maxConcurrency())
                .isEqualTo(3);
        assertThat(resolve("servers:\n  - {label: a, url: 'postgresql://u@h', max_concurrency: 12, max_connections: 4}\n", Map.of(), 64)
                .sweep().maxConcurrency()).isEqualTo(12);
        assertThat(resolve("servers:\n  - {label: a, url: 'postgresql://u@h'}\n", Map.of(), 64).sweep().maxConcurrency())
                .isEqualTo(ConnectionConfig.defaults().maxConnections());
        assertThat(resolve("servers:\n  - {label: a, url: 'postgresql://u@h', max_connections: 40}\n", Map.of(), 6).sweep().maxConcurrency())
                .isEqualTo(6);
        assertThatThrownBy(() -> resolve("servers:\n  - {label: a, url: 'postgresql://u@h', max_concurrency: 0}\n", Map.of(), 64))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("max_concurrency is at least 1");
    }

    @Test
    void aServersIncludeAndExcludeReplaceTheFleetsGlobsEachOnItsOwn() {
        MultiDatabaseConfig fleet = MultiDatabaseConfig.builder().include("base_*").include("common").exclude("old_*").build();

        FleetServer included = resolveOver("servers:\n  - {label: a, url: 'postgresql://u@h', include: ['sales_*', 'hr']}\n", fleet);
        FleetServer excluded = resolveOver("servers:\n  - {label: a, url: 'postgresql://u@h', exclude: tmp_*}\n", fleet);
        FleetServer plain = resolveOver("servers:\n  - {label: a, url: 'postgresql://u@h'}\n", fleet);

        assertThat(globs(included.sweep().includePatterns())).containsExactly("sales_*", "hr");
        assertThat(globs(included.sweep().excludePatterns())).containsExactly("old_*");
        assertThat(globs(excluded.sweep().includePatterns())).containsExactly("base_*", "common");
        assertThat(globs(excluded.sweep().excludePatterns())).containsExactly("tmp_*");
        assertThat(globs(plain.sweep().includePatterns())).containsExactly("base_*", "common");
        assertThat(globs(plain.sweep().excludePatterns())).containsExactly("old_*");
    }

    @Test
    void aServersSampleRowsReplaceTheFleetsAndKeepItsOtherSamplingSettings() {
        SamplingConfig sampling = SamplingConfig.builder().rowsPerTable(20).queriesPerSecond(2.5).redact(true).build();
        MultiDatabaseConfig fleet = MultiDatabaseConfig.builder().sampling(sampling).build();

        FleetServer fewer = resolveOver("servers:\n  - {label: a, url: 'postgresql://u@h', sample: 4}\n", fleet);
        FleetServer off = resolveOver("servers:\n  - {label: a, url: 'postgresql://u@h', sample: 0}\n", fleet);
        FleetServer plain = resolveOver("servers:\n  - {label: a, url: 'postgresql://u@h'}\n", fleet);

        assertThat(fewer.sweep().sampling().rowsPerTable()).isEqualTo(4);
        assertThat(fewer.sweep().sampling().queriesPerSecond()).isEqualTo(2.5);
        assertThat(fewer.sweep().sampling().redact()).isTrue();
        assertThat(off.sweep().sampling().enabled()).isFalse();
        assertThat(plain.sweep().sampling()).isEqualTo(sampling);
    }

    @Test
    void everyServerWritesOneDocumentPerDatabaseAndGoesOnAfterAFailure() {
        MultiDatabaseConfig fleet = MultiDatabaseConfig.builder().continueOnError(false).outputMode(OutputMode.SINGLE_BUNDLE).build();

        FleetServer server = resolveOver("servers:\n  - {label: a, url: 'postgresql://u@h', include_system: true}\n", fleet);

        assertThat(server.sweep().outputMode()).isEqualTo(OutputMode.ONE_PER_DATABASE);
        assertThat(server.sweep().continueOnError()).isTrue();
        assertThat(server.sweep().includeSystem()).isTrue();
        assertThat(resolveOver("servers:\n  - {label: a, url: 'postgresql://u@h'}\n", fleet).sweep().includeSystem()).isFalse();
    }
}
