package dev.dbsurveyor.cli;

import dev.dbsurveyor.model.FieldChange;
import dev.dbsurveyor.model.ObjectChange;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dbsurveyor diff} of real PostgreSQL collections through the real command line: a database
 * collected, changed on the server in every way the issue names, collected again; and two sweeps
 * with databases created, dropped and made unreachable in between.
 */
class DiffIT {

    private static final String PASSWORD = "diff-pw";

    @TempDir
    Path directory;

    private static String url(TestServer server, String role, String database) {
        return "postgresql://" + role + ":" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "@127.0.0.1:" + server.endpoint().port()
                + "/" + database;
    }

    private static void collect(String... args) {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    @Test
    void everyKindOfChangeToOneDatabaseIsReportedExactlyAndAFailedStageIsUnknownNotRemoved(@Postgres TestServer server) {
        String database = server.createDatabase();
        String role = server.createRole(PASSWORD);
        String quoted = server.engine().quote(role);
        server.execute(database,
                "CREATE TYPE mood AS ENUM ('sad', 'ok')",
                "CREATE TABLE orders (id int, placed date NOT NULL, PRIMARY KEY (id, placed)) PARTITION BY RANGE (placed)",
                "CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE TABLE items (id int PRIMARY KEY, legacy text, note varchar(20) NOT NULL, m mood)",
                "CREATE TABLE accounts (id int PRIMARY KEY, name text)",
                "INSERT INTO accounts VALUES (1, 'ada')",
                "CREATE VIEW big_items AS SELECT id FROM items WHERE id > 10",
                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "CREATE TRIGGER touched BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch()",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + quoted);
        Path before = directory.resolve("before.json");
        Path after = directory.resolve("after.json");
        collect("collect", url(server, role, database), "-o", before.toString(), "--sample", "2", "--no-progress", "-q");

        server.execute(database,
                "ALTER TABLE items ADD COLUMN extra int",
                "ALTER TABLE items DROP COLUMN legacy",
                "ALTER TABLE items ALTER COLUMN note TYPE varchar(40), ALTER COLUMN note DROP NOT NULL",
                "CREATE INDEX items_note ON items (note)",
                "CREATE OR REPLACE VIEW big_items AS SELECT id FROM items WHERE id > 20",
                "CREATE TABLE orders_2025 PARTITION OF orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                "ALTER TYPE mood ADD VALUE 'happy'",
                "DROP TRIGGER touched ON items",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + quoted,
                "REVOKE SELECT ON accounts FROM " + quoted);
        collect("collect", url(server, role, database), "-o", after.toString(), "--sample", "2", "--no-progress", "-q");

        DiffRun diff = DiffRun.of(directory.resolve("changes.json"), before.toString(), after.toString());

        assertThat(diff.run().exitCode()).as(diff.run().all()).isEqualTo(1);
        assertThat(diff.databases()).containsExactly("CHANGED " + database);
        assertThat(diff.changes(database)).containsExactly(
                "CHANGED DATABASE " + database + " [access_level]",
                "ADDED TABLE public.orders_2025",
                "ADDED COLUMN public.items.extra",
                "REMOVED COLUMN public.items.legacy",
                "CHANGED COLUMN public.items.note [data_type, is_nullable, native_type]",
                "ADDED INDEX public.items.items_note",
                "CHANGED VIEW public.big_items [definition]",
                "REMOVED TRIGGER public.items.touched",
                "CHANGED CUSTOM_TYPE public.mood [definition, enum_labels]",
                "REMOVED PRIVILEGE public.accounts." + role + " SELECT");
        ObjectChange note = diff.document().databases().get(0).objects().get(4);
        assertThat(note.fields()).extracting(FieldChange::field, field -> field.oldValue().toString(), field -> field.newValue().toString())
                .contains(org.assertj.core.groups.Tuple.tuple("native_type", "\"character varying(20)\"", "\"character varying(40)\""),
                        org.assertj.core.groups.Tuple.tuple("is_nullable", "false", "true"));
        assertThat(diff.run().out()).contains(database + ": changed: 3 added, 3 removed, 4 changed, 0 unknown")
                .contains("    + public.items.extra").contains("1 database(s) compared");

        DiffRun withSamples = DiffRun.of(directory.resolve("samples.json"), before.toString(), after.toString(), "--include-samples");

        assertThat(withSamples.changes(database)).contains("UNKNOWN SAMPLE public.accounts (not collected in NEW, SAMPLE_DATA)")
                .hasSize(11);
        assertThat(withSamples.run().out()).contains("? sample of public.accounts: unknown: not collected in NEW");

        DiffRun same = DiffRun.of(directory.resolve("same.json"), after.toString(), after.toString(), "--include-samples");
        assertThat(same.run().exitCode()).isZero();
        assertThat(same.document().databases()).isEmpty();
        assertThat(same.document().summary().unchanged()).isEqualTo(1);

        DiffRun onlyTables = DiffRun.of(directory.resolve("tables.json"), before.toString(), after.toString(), "--kind", "table,view");
        assertThat(onlyTables.changes(database)).containsExactly("ADDED TABLE public.orders_2025", "ADDED COLUMN public.items.extra",
                "REMOVED COLUMN public.items.legacy", "CHANGED COLUMN public.items.note [data_type, is_nullable, native_type]",
                "CHANGED VIEW public.big_items [definition]");
    }

    @Test
    void twoSweepsShowDatabasesAddedRemovedNewlyFailedAndChangedInEveryForm(@Postgres TestServer server) throws Exception {
        String prefix = TestServer.uniqueName("diff_") + "_";
        String role = server.createRole(PASSWORD);
        String kept = server.createDatabase(prefix + "kept");
        String changed = server.createDatabase(prefix + "changed");
        String dropped = server.createDatabase(prefix + "dropped");
        String locked = server.createDatabase(prefix + "locked");
        for (String name : new String[] {kept, changed, dropped, locked}) {
            server.execute(name, "CREATE TABLE t (id int PRIMARY KEY, label text)");
        }
        Path oldDir = directory.resolve("old");
        Path newDir = directory.resolve("new");
        Path oldBundle = directory.resolve("old.json");
        Path newBundle = directory.resolve("new.json");
        String url = url(server, role, "postgres");
        collect("collect", url, "--all-databases", "--include", prefix + "*", "--output-dir", oldDir.toString(), "--no-progress", "-q");
        collect("collect", url, "--all-databases", "--include", prefix + "*", "-o", oldBundle.toString(), "--no-progress", "-q");

        server.dropDatabase(dropped);
        String created = server.createDatabase(prefix + "created");
        server.execute(created, "CREATE TABLE t (id int PRIMARY KEY)");
        server.execute(changed, "ALTER TABLE t ADD COLUMN extra int");
        server.execute(null, "REVOKE CONNECT ON DATABASE " + server.engine().quote(locked) + " FROM PUBLIC");
        collect("collect", url, "--all-databases", "--include", prefix + "*", "--output-dir", newDir.toString(), "--no-progress", "-q");
        collect("collect", url, "--all-databases", "--include", prefix + "*", "-o", newBundle.toString(), "--no-progress", "-q");
        ContractSchemas.assertValidFile(newBundle);

        for (Path[] sides : new Path[][] {{oldDir, newDir}, {oldBundle, newBundle}, {oldDir, newBundle}, {oldBundle, newDir}}) {
            DiffRun diff = DiffRun.of(directory.resolve("changes.json"), sides[0].toString(), sides[1].toString());

            assertThat(diff.run().exitCode()).as(diff.run().all()).isEqualTo(1);
            assertThat(diff.databases()).as("%s against %s", sides[0], sides[1]).containsExactly("CHANGED " + changed, "ADDED " + created,
                    "REMOVED " + dropped, "FAILED " + locked);
            assertThat(diff.changes(changed)).containsExactly("ADDED COLUMN public.t.extra");
            assertThat(diff.document().summary().unchanged()).isEqualTo(1);
            assertThat(diff.document().summary().databases()).isEqualTo(5);
        }

        DiffRun reversed = DiffRun.of(directory.resolve("reversed.json"), newDir.toString(), oldDir.toString());
        assertThat(reversed.databases()).containsExactly("CHANGED " + changed, "REMOVED " + created, "ADDED " + dropped,
                "RECOVERED " + locked);
        assertThat(reversed.changes(changed)).containsExactly("REMOVED COLUMN public.t.extra");

        Path oneDocument = oldDir.resolve(Files.list(oldDir).map(path -> path.getFileName().toString())
                .filter(name -> name.contains("changed")).findFirst().orElseThrow());
        DiffRun documentAgainstDirectory = DiffRun.of(directory.resolve("one.json"), oneDocument.toString(), newDir.toString());
        assertThat(documentAgainstDirectory.databases()).containsExactly("CHANGED " + changed);

        DiffRun filtered = DiffRun.of(directory.resolve("filtered.json"), oldDir.toString(), newDir.toString(),
                "--include", prefix + "*d", "--exclude", "*dropped");
        assertThat(filtered.databases()).containsExactly("CHANGED " + changed, "ADDED " + created, "FAILED " + locked);
    }
}
