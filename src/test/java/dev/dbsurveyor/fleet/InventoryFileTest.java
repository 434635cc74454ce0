package dev.dbsurveyor.fleet;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inventories in both forms: labels, settings laid over defaults, and everything refused. */
class InventoryFileTest {

    @TempDir
    Path home;

    private Environment environment() {
        return new Environment(Map.of(), home);
    }

    private Inventory yaml(String text) {
        return InventoryFile.yaml(text, "fleet.yaml", Path.of("/etc/dbsurveyor"), environment());
    }

    @Test
    void aListOfUrlsSkipsCommentsAndBlankLinesAndLabelsServersByHostAndPort() {
        Inventory inventory = InventoryFile.lines("# the fleet\n\npostgresql://surveyor@db1.example.com  # primary\nmariadb://root@10.0.0.7:3307\n",
                "fleet.txt", environment());

        assertThat(inventory.servers()).extracting(InventoryEntry::label).containsExactly("db1.example.com-5432", "10.0.0.7-3307");
        assertThat(inventory.servers().get(0).source()).isEqualTo("fleet.txt line 3");
        assertThat(inventory.servers().get(1).options()).isEqualTo(ServerOptions.none());
    }

    @Test
    void sqliteLocationsAreLabelledByTheirLastPathPart() {
        Inventory inventory = InventoryFile.lines("sqlite:///srv/apps/\nsqlite:///backups/2025/app.db\n", "fleet.txt", environment());

        assertThat(inventory.servers()).extracting(InventoryEntry::label).containsExactly("sqlite-apps", "sqlite-app.db");
    }

    @Test
    void aLineWithSpacesInsideIsRefused() {
        assertThatThrownBy(() -> InventoryFile.lines("postgresql://a@h label\n", "fleet.txt", environment()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("fleet.txt line 1").hasMessageContaining("YAML");
    }

    @Test
    void yamlSettingsOfAServerOverrideTheDefaultsAndListsReplaceLists() {
        Inventory inventory = yaml("""
                defaults:
                  include: ["sales_*", "hr_*"]
                  exclude: tmp_*
                  max_connections: 4
                servers:
                  - postgresql://surveyor@plain.example.com
                  - label: eu
                    url: postgresql://surveyor@eu.example.com
                    include: billing_*
                    max_connections: 2
                    statement_timeout: 5
                    sample: 10
                    password_file: secrets/eu.txt
                """);

        ServerOptions plain = inventory.servers().get(0).options();
        assertThat(plain.include()).contains(List.of("sales_*", "hr_*"));
        assertThat(plain.exclude()).contains(List.of("tmp_*"));
        assertThat(plain.maxConnections()).contains(4);
        ServerOptions eu = inventory.servers().get(1).options();
        assertThat(inventory.servers().get(1).label()).isEqualTo("eu");
        assertThat(eu.include()).contains(List.of("billing_*"));
        assertThat(eu.exclude()).contains(List.of("tmp_*"));
        assertThat(eu.maxConnections()).contains(2);
        assertThat(eu.statementTimeoutSeconds()).contains(5);
        assertThat(eu.sampleRows()).contains(10);
        assertThat(eu.connectTimeoutSeconds()).isEmpty();
        assertThat(eu.passwordFile()).contains(Path.of("/etc/dbsurveyor/secrets/eu.txt"));
    }

    @Test
    void anUnknownSettingIsNamed() {
        assertThatThrownBy(() -> yaml("servers:\n  - url: postgresql://a@h\n    max_conections: 3\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("fleet.yaml server 1")
                .hasMessageContaining("unknown setting 'max_conections'");
    }

    @Test
    void malformedYamlAndWrongShapesAreRefused() {
        assertThatThrownBy(() -> yaml("servers: [\n")).isInstanceOf(ConfigurationException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> yaml("- postgresql://a@h\n")).isInstanceOf(ConfigurationException.class).hasMessageContaining("'servers'");
        assertThatThrownBy(() -> yaml("servers: postgresql://a@h\n")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("must be a list");
        assertThatThrownBy(() -> yaml("servers:\n  - url: postgresql://a@h\n    max_connections: many\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("max_connections must be a whole number");
        assertThatThrownBy(() -> yaml("servers: []\n")).isInstanceOf(ConfigurationException.class).hasMessageContaining("no server");
    }

    @Test
    void aPasswordFileForEveryServerIsRefused() {
        assertThatThrownBy(() -> yaml("defaults:\n  password_file: all.txt\nservers:\n  - postgresql://a@h\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("password_file belongs to one server");
    }

    @Test
    void aUrlWithAPasswordIsRefusedWithoutRepeatingIt() {
        for (String url : List.of("postgresql://surveyor:Hunter2Secret@db.example.com", "mysql://root@db.example.com?password=Hunter2Secret")) {
            assertThatThrownBy(() -> InventoryFile.lines(url + "\n", "fleet.txt", environment()))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("holds a password")
                    .hasMessageNotContaining("Hunter2Secret");
        }
    }

    @Test
    void twoServersWithOneLabelAreRefusedNamingBoth() {
        assertThatThrownBy(() -> InventoryFile.lines("postgresql://a@h:5432\npostgresql://b@h:5432\n", "fleet.txt", environment()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("fleet.txt line 2").hasMessageContaining("fleet.txt line 1")
                .hasMessageContaining("same label");
    }

    @Test
    void labelsThatShareAPasswordVariableAreRefused() {
        assertThatThrownBy(() -> yaml("servers:\n  - {label: a.b, url: 'postgresql://a@h1'}\n  - {label: a-b, url: 'postgresql://a@h2'}\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("password variable");
    }

    @Test
    void aLabelNamesItsDirectoryAndPasswordVariable() {
        InventoryEntry entry = new InventoryEntry("Sales EU/1", "postgresql://a@h", "test", ServerOptions.none());

        assertThat(entry.passwordVariable()).isEqualTo("DBSURVEYOR_PASSWORD_SALES_EU_1");
        assertThat(entry.directory()).isEqualTo("%53ales%20%45%55%2F1");
        assertThat(new InventoryEntry("db.example.com-5432", "u", "test", ServerOptions.none()).directory()).isEqualTo("db.example.com-5432");
    }

    @Test
    void optionsSayNothingUntilGiven() {
        assertThat(ServerOptions.none().over(ServerOptions.none())).isEqualTo(ServerOptions.none());
        ServerOptions defaults = new ServerOptions(Optional.empty(), Optional.empty(), Optional.of(true), Optional.of(3), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(ServerOptions.none().over(defaults).includeSystem()).contains(true);
    }

    @Test
    void anUnlabelledAddressIsLabelledByItsEnginesDefaultPortAndWindowsLineEndsAreLines() {
        Inventory inventory = InventoryFile.lines("postgresql://surveyor@127.0.0.1\r\n\r\n  # mysql next\r\nmysql://root@10.0.0.9/app\r\n",
                "fleet.txt", environment());

        assertThat(inventory.servers()).extracting(InventoryEntry::label).containsExactly("127.0.0.1-5432", "10.0.0.9-3306");
        assertThat(inventory.servers()).extracting(InventoryEntry::source).containsExactly("fleet.txt line 1", "fleet.txt line 4");
        assertThat(inventory.servers().get(1).url()).isEqualTo("mysql://root@10.0.0.9/app");
    }

    @Test
    void aUrlWithAPasswordInAYamlInventoryIsRefusedWithoutRepeatingIt() {
        for (String url : List.of("postgresql://surveyor:Hunter2Secret@db.example.com",
                "postgresql://surveyor@db.example.com?password=Hunter2Secret")) {
            assertThatThrownBy(() -> yaml("servers:\n  - label: db\n    url: '" + url + "'\n"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("fleet.yaml server 1").hasMessageContaining("holds a password")
                    .hasMessageNotContaining("Hunter2Secret");
            assertThatThrownBy(() -> yaml("servers:\n  - '" + url + "'\n"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("holds a password").hasMessageNotContaining("Hunter2Secret");
        }
    }

    @Test
    void twoYamlServersWithOneLabelAreRefusedNamingBoth() {
        assertThatThrownBy(() -> yaml("""
                servers:
                  - {label: sales, url: 'postgresql://a@h1'}
                  - postgresql://a@h2
                  - {label: sales, url: 'postgresql://a@h3'}
                """)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("fleet.yaml server 3 (sales) has the same label as fleet.yaml server 1 (sales)");
    }

    @Test
    void anUnknownSettingAmongTheDefaultsIsNamed() {
        assertThatThrownBy(() -> yaml("defaults:\n  url: postgresql://a@h\nservers:\n  - postgresql://a@h\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("fleet.yaml: defaults")
                .hasMessageContaining("unknown setting 'url'");
        assertThatThrownBy(() -> yaml("servers:\n  - postgresql://a@h\nserver: []\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown setting 'server'");
    }

    @Test
    void aPasswordFileIsResolvedAgainstTheInventorysDirectoryUnlessAbsolute() {
        Path base = home.resolve("inventories");
        Path absolute = home.resolve("elsewhere").resolve("b.txt").toAbsolutePath();
        Inventory inventory = InventoryFile.yaml("servers:\n  - {label: a, url: 'postgresql://u@h1', password_file: ../secrets/a.txt}\n"
                + "  - {label: b, url: 'postgresql://u@h2', password_file: '" + absolute + "'}\n", "fleet.yaml", base, environment());

        assertThat(inventory.servers().get(0).options().passwordFile()).contains(base.resolve("../secrets/a.txt"));
        assertThat(inventory.servers().get(1).options().passwordFile()).contains(absolute);
    }

    @Test
    void aServerWithoutAUrlOrWithABadLabelIsRefused() {
        assertThatThrownBy(() -> yaml("servers:\n  - {label: a}\n")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("fleet.yaml server 1").hasMessageContaining("'url'");
        assertThatThrownBy(() -> yaml("servers:\n  - {label: \"a\\tb\", url: 'postgresql://u@h'}\n")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> yaml("servers:\n  - {label: '" + "x".repeat(201) + "', url: 'postgresql://u@h'}\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("1 to 200 characters");
        assertThatThrownBy(() -> yaml("servers:\n  - {label: 7, url: 'postgresql://u@h'}\n")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("label must be text");
    }

    @Test
    void aBadUrlIsRefusedNamingWhereTheInventoryListsIt() {
        assertThatThrownBy(() -> InventoryFile.lines("postgresql://a@h\noracle://a@h\n", "fleet.txt", environment()))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("fleet.txt line 2: ").hasMessageContaining("oracle");
    }

    @Test
    void labelsThatDifferOnlyInCaseAreRefusedAsTheyShareAPasswordVariable() {
        assertThatThrownBy(() -> yaml("servers:\n  - {label: Sales, url: 'postgresql://a@h1'}\n  - {label: sales, url: 'postgresql://a@h2'}\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("fleet.yaml server 2 (sales)")
                .hasMessageContaining("fleet.yaml server 1 (Sales)").hasMessageContaining("password variable");
    }
}
