package dev.dbsurveyor.adapter.sqlite;

import dev.dbsurveyor.adapter.sqlite.SqliteDefinitions.Check;
import dev.dbsurveyor.adapter.sqlite.SqliteDefinitions.Declared;
import dev.dbsurveyor.adapter.sqlite.SqliteDefinitions.Generated;
import dev.dbsurveyor.adapter.sqlite.SqliteDefinitions.TableDefinition;
import dev.dbsurveyor.model.TriggerEvent;
import dev.dbsurveyor.model.TriggerTiming;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteDefinitionsTest {

    @Test
    void columnAndTableConstraintsKeepTheirNamesAndClauses() {
        TableDefinition table = SqliteDefinitions.table("CREATE TABLE orders(id INTEGER PRIMARY KEY AUTOINCREMENT, "
                + "user_id INTEGER CONSTRAINT owner REFERENCES users(id) ON DELETE CASCADE, qty INT CHECK (qty > 0), "
                + "code TEXT CONSTRAINT code_once UNIQUE, "
                + "CONSTRAINT fk_u2 FOREIGN KEY (qty) REFERENCES users ON UPDATE SET NULL, UNIQUE (user_id, code), "
                + "CONSTRAINT positive CHECK (qty * (1 + 1) > 0))");
        assertThat(table.autoincrement()).isTrue();
        assertThat(table.primaryKeyName()).isNull();
        assertThat(table.foreignKeys()).containsExactly(new Declared("owner", List.of("user_id"), "users"),
                new Declared("fk_u2", List.of("qty"), "users"));
        assertThat(table.uniques()).containsExactly(new Declared("code_once", List.of("code"), null),
                new Declared(null, List.of("user_id", "code"), null));
        assertThat(table.checks()).containsExactly(new Check(null, "qty > 0", List.of("qty")),
                new Check("positive", "qty * (1 + 1) > 0", List.of()));
    }

    @Test
    void hostileNamesQuotesAndCommentsAreReadAsSqliteReadsThem() {
        TableDefinition table = SqliteDefinitions.table("CREATE TABLE \"we\"\"ird ;--name\"(\"col \"\"x\"\"\" int, -- a comment, (\n"
                + "[br\"acket] text /* ) , */, `back` blob, b BOOLEAN CHECK (b IN (0, ')')), CONSTRAINT [k,ey] PRIMARY KEY (\"col \"\"x\"\"\", `back`)) "
                + "WITHOUT ROWID, STRICT");
        assertThat(table.primaryKeyName()).isEqualTo("k,ey");
        assertThat(table.checks()).containsExactly(new Check(null, "b IN (0, ')')", List.of("b")));
        assertThat(table.options()).containsExactly("WITHOUT ROWID", "STRICT");
    }

    @Test
    void generatedColumnsHaveTheirExpressionAndStorage() {
        TableDefinition table = SqliteDefinitions.table(
                "create table t(a int, b as (a * 2) stored, c integer generated always as (abs(a) + 1) virtual, d as (a))");
        assertThat(table.generatedColumn("B")).contains(new Generated("a * 2", true));
        assertThat(table.generatedColumn("c")).contains(new Generated("abs(a) + 1", false));
        assertThat(table.generatedColumn("d")).contains(new Generated("a", false));
        assertThat(table.generatedColumn("a")).isEmpty();
    }

    @Test
    void tablesWithoutDefinitionsHaveNothingToAdd() {
        assertThat(SqliteDefinitions.table("CREATE TABLE copy AS SELECT (1) AS x")).isEqualTo(TableDefinition.EMPTY);
        assertThat(SqliteDefinitions.table("CREATE VIRTUAL TABLE docs USING fts5(title, body)")).isEqualTo(TableDefinition.EMPTY);
        assertThat(SqliteDefinitions.table(null)).isEqualTo(TableDefinition.EMPTY);
    }

    @Test
    void indexKeysAndPredicateAreCutFromTheStatement() {
        SqliteDefinitions.IndexDefinition index = SqliteDefinitions.index(
                "CREATE INDEX \"on\" ON orders(total DESC, lower(\"user id\") COLLATE nocase, (a + b) ASC) WHERE total > 0 AND x IN (1, 2)");
        assertThat(index.keys()).containsExactly("total", "lower(\"user id\") COLLATE nocase", "(a + b)");
        assertThat(index.predicate()).isEqualTo("total > 0 AND x IN (1, 2)");
        assertThat(SqliteDefinitions.index(null)).isEqualTo(SqliteDefinitions.IndexDefinition.EMPTY);
    }

    @Test
    void triggersHaveTimingAndEvent() {
        assertThat(SqliteDefinitions.trigger("CREATE TRIGGER a AFTER UPDATE OF email, name ON users BEGIN SELECT 1; END"))
                .contains(new SqliteDefinitions.TriggerDefinition(TriggerTiming.AFTER, TriggerEvent.UPDATE));
        assertThat(SqliteDefinitions.trigger("CREATE TRIGGER \"insert\" INSTEAD OF INSERT ON v BEGIN DELETE FROM t; END"))
                .contains(new SqliteDefinitions.TriggerDefinition(TriggerTiming.INSTEAD_OF, TriggerEvent.INSERT));
        assertThat(SqliteDefinitions.trigger("CREATE TEMP TRIGGER IF NOT EXISTS b DELETE ON t BEGIN SELECT 1; END"))
                .contains(new SqliteDefinitions.TriggerDefinition(TriggerTiming.BEFORE, TriggerEvent.DELETE));
        assertThat(SqliteDefinitions.trigger("CREATE TRIGGER broken")).isEmpty();
    }

    @Test
    void viewsAndVirtualTablesGiveTheirQueryAndModule() {
        assertThat(SqliteDefinitions.viewQuery("CREATE VIEW \"as\"(a, b) AS SELECT 1 AS a, 2 AS b")).isEqualTo("SELECT 1 AS a, 2 AS b");
        assertThat(SqliteDefinitions.virtualModule("CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(title, body)")).contains("fts5");
        assertThat(SqliteDefinitions.virtualModule("CREATE TABLE t(x)")).isEmpty();
    }
}
