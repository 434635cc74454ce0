package dev.dbsurveyor.server;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteTargetTest {

    @TempDir
    Path home;

    private ServerTarget parse(String url) {
        return ServerTarget.parse(url, new Environment(Map.of("DBSURVEYOR_PASSWORD", "never used"), home));
    }

    @Test
    void aFileIsOneDatabaseNamedByItsFileName() {
        ServerTarget target = parse("sqlite:///srv/app/data%20base.db");
        assertThat(target.engine()).isEqualTo(EngineFamily.SQLITE);
        assertThat(target.sqlite()).contains(new SqliteLocation(Path.of("/srv/app/data base.db"), false, false, false));
        assertThat(target.database()).contains("data base.db");
        assertThat(target.passwordFor("data base.db")).isEmpty();
        assertThat(target.redacted()).isEqualTo("sqlite:///srv/app/data%20base.db");
    }

    @Test
    void aDirectoryIsAServerWhetherItEndsInASlashOrExists() throws Exception {
        assertThat(parse("sqlite:///srv/not-there/").sqlite().orElseThrow().directory()).isTrue();
        Path directory = Files.createDirectory(home.resolve("apps"));
        ServerTarget target = parse("sqlite://" + directory + "?recursive&immutable=1");
        assertThat(target.sqlite()).contains(new SqliteLocation(directory, true, true, true));
        assertThat(target.database()).isEmpty();
        assertThat(target.redacted()).isEqualTo("sqlite://" + directory + "/?recursive=true&immutable=true");
    }

    @Test
    void aRelativePathIsReadFromTheWorkingDirectory() {
        ServerTarget target = parse("sqlite:data/app.db");
        assertThat(target.sqlite().orElseThrow().path()).isEqualTo(Path.of("data/app.db").toAbsolutePath());
    }

    @Test
    void flagsApplyToSqliteTargetsOnly() throws Exception {
        Path directory = Files.createDirectory(home.resolve("dir"));
        assertThat(parse("sqlite://" + directory).withSqliteFlags(true, false).sqlite().orElseThrow().recursive()).isTrue();
        assertThat(parse("sqlite:///srv/app.db").withSqliteFlags(false, true).sqlite().orElseThrow().immutable()).isTrue();
        assertThatThrownBy(() -> parse("sqlite:///srv/app.db").withSqliteFlags(true, false))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("--recursive is for a directory");
        assertThatThrownBy(() -> parse("postgresql://u@h/db").withSqliteFlags(false, true))
                .isInstanceOf(ConfigurationException.class).hasMessage("--immutable is for sqlite:// URLs");
    }

    @Test
    void badSqliteUrlsAreRefusedInOneLine() {
        assertThatThrownBy(() -> parse("sqlite://host/app.db")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("names a path, not a host");
        assertThatThrownBy(() -> parse("sqlite:")).isInstanceOf(ConfigurationException.class).hasMessageContaining("names no path");
        assertThatThrownBy(() -> parse("sqlite:///a.db?mode=rw")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown URL option 'mode'");
        assertThatThrownBy(() -> parse("sqlite:///a.db?recursive=maybe")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> parse("sqlite:///a.db?recursive")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not one");
        assertThatThrownBy(() -> parse("sqlite:///a#b.db")).isInstanceOf(ConfigurationException.class).hasMessageContaining("%23");
        assertThatThrownBy(() -> parse("sqlite:///a%00b")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void theSchemeIsReadInAnyCase() {
        assertThat(parse("SQLite:///srv/app.db").engine()).isEqualTo(EngineFamily.SQLITE);
    }
}
