package dev.dbsurveyor.cli;

import dev.dbsurveyor.testing.MySql;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dbsurveyor diff} of real MySQL or MariaDB collections through the real command line: a
 * database collected, changed on the server, collected again; and two sweeps with databases
 * created and dropped in between.
 */
class DiffMySqlIT {

    private static final String PASSWORD = "diff-pw";

    @TempDir
    Path directory;

    private static void collect(String... args) {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    private static String url(TestServer server, String user, String database) {
        return "mysql://" + user + ":" + PASSWORD + "@127.0.0.1:" + server.endpoint().port() + "/" + database;
    }

    @Test
    void everyKindOfChangeToOneDatabaseIsReportedExactlyAndAFailedStageIsUnknownNotRemoved(@MySql TestServer server) {
        String database = server.createDatabase();
        String user = server.createRole(PASSWORD);
        String quoted = server.engine().quote(database);
        server.execute(database,
                "CREATE TABLE items (id INT PRIMARY KEY, legacy TEXT, note VARCHAR(20) NOT NULL, m ENUM('sad', 'ok'))",
                "CREATE TABLE orders (id INT PRIMARY KEY, placed DATE NOT NULL)",
                "CREATE TABLE accounts (id INT PRIMARY KEY, name TEXT)",
                "INSERT INTO accounts VALUES (1, 'ada')",
                "CREATE VIEW big_items AS SELECT id FROM items WHERE id > 10",
                "CREATE TRIGGER touched BEFORE UPDATE ON items FOR EACH ROW SET NEW.id = NEW.id");
        server.execute(null, "GRANT SELECT, SHOW VIEW, TRIGGER ON " + quoted + ".* TO '" + user + "'@'%'");
        Path before = directory.resolve("before.json");
        Path after = directory.resolve("after.json");
        collect("collect", url(server, user, database), "-o", before.toString(), "--sample", "2", "--no-progress", "-q");

        server.execute(database,
                "ALTER TABLE items ADD COLUMN extra INT",
                "ALTER TABLE items DROP COLUMN legacy",
                "ALTER TABLE items MODIFY note VARCHAR(40) NULL",
                "ALTER TABLE items MODIFY m ENUM('sad', 'ok', 'happy')",
                "CREATE INDEX items_note ON items (note)",
                "CREATE OR REPLACE VIEW big_items AS SELECT id FROM items WHERE id > 20",
                "ALTER TABLE orders PARTITION BY HASH (id) PARTITIONS 2",
                "DROP TRIGGER touched");
        // A privilege other than SELECT keeps the table in the catalog while its rows can no longer be read: its sample stage fails.
        server.execute(null, "REVOKE SELECT ON " + quoted + ".* FROM '" + user + "'@'%'",
                "GRANT SELECT ON " + quoted + ".items TO '" + user + "'@'%'",
                "GRANT SELECT ON " + quoted + ".orders TO '" + user + "'@'%'",
                "GRANT SELECT ON " + quoted + ".big_items TO '" + user + "'@'%'",
                "GRANT REFERENCES ON " + quoted + ".accounts TO '" + user + "'@'%'");
        collect("collect", url(server, user, database), "-o", after.toString(), "--sample", "2", "--no-progress", "-q");

        DiffRun diff = DiffRun.of(directory.resolve("changes.json"), before.toString(), after.toString(), "--include-samples");

        assertThat(diff.run().exitCode()).as(diff.run().all()).isEqualTo(1);
        assertThat(diff.databases()).containsExactly("CHANGED " + database);
        assertThat(diff.changes(database)).containsExactly(
                "CHANGED TABLE " + database + ".orders [kind]",
                "ADDED COLUMN " + database + ".items.extra",
                "REMOVED COLUMN " + database + ".items.legacy",
                "CHANGED COLUMN " + database + ".items.m [data_type, ordinal_position, native_type]",
                "CHANGED COLUMN " + database + ".items.note [data_type, is_nullable, ordinal_position, native_type]",
                "ADDED INDEX " + database + ".items.items_note",
                "CHANGED VIEW " + database + ".big_items [definition]",
                "REMOVED TRIGGER " + database + ".items.touched",
                "UNKNOWN SAMPLE " + database + ".accounts (not collected in NEW, SAMPLE_DATA)");

        DiffRun same = DiffRun.of(directory.resolve("same.json"), before.toString(), before.toString());
        assertThat(same.run().exitCode()).isZero();
        assertThat(same.document().databases()).isEmpty();
    }

    @Test
    void twoSweepsShowDatabasesAddedRemovedAndChanged(@MySql TestServer server) {
        String prefix = TestServer.uniqueName("diff_") + "_";
        String kept = server.createDatabase(prefix + "kept");
        String changed = server.createDatabase(prefix + "changed");
        String dropped = server.createDatabase(prefix + "dropped");
        for (String name : new String[] {kept, changed, dropped}) {
            server.execute(name, "CREATE TABLE t (id INT PRIMARY KEY, label TEXT)");
        }
        Path oldDir = directory.resolve("old");
        Path newBundle = directory.resolve("new.json");
        String url = server.endpoint().url();
        collect("collect", url, "--include", prefix + "*", "--output-dir", oldDir.toString(), "--no-progress", "-q");

        server.dropDatabase(dropped);
        String created = server.createDatabase(prefix + "created");
        server.execute(created, "CREATE TABLE t (id INT PRIMARY KEY)");
        server.execute(changed, "ALTER TABLE t DROP COLUMN label");
        collect("collect", url, "--include", prefix + "*", "-o", newBundle.toString(), "--no-progress", "-q");

        DiffRun diff = DiffRun.of(directory.resolve("changes.json"), oldDir.toString(), newBundle.toString());

        assertThat(diff.run().exitCode()).as(diff.run().all()).isEqualTo(1);
        assertThat(diff.databases()).containsExactly("CHANGED " + changed, "ADDED " + created, "REMOVED " + dropped);
        assertThat(diff.changes(changed)).containsExactly("REMOVED COLUMN " + changed + ".t.label");
        assertThat(diff.document().summary().unchanged()).isEqualTo(1);
    }
}
