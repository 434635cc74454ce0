package dev.dbsurveyor.adapter.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ForeignKey;
import dev.dbsurveyor.model.Index;
import dev.dbsurveyor.model.IndexColumn;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.Trigger;
import dev.dbsurveyor.model.View;
import dev.dbsurveyor.server.SqliteLocation;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.ExternalTools;
import dev.dbsurveyor.testing.SqliteFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema nobody here wrote: the repository database that Fossil, the version control system of
 * SQLite's own authors, makes with {@code fossil init}. Every object is compared with what the
 * {@code sqlite3} command's PRAGMAs say of the same file.
 */
class SqliteRealWorldIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLES = "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

    @TempDir
    static Path directory;
    private static Path repository;
    private static DatabaseSchema schema;

    @BeforeAll
    static void collectAFossilRepository() {
        ExternalTools.require("the real-world SQLite schema", "fossil", "version");
        ExternalTools.require("reading SQLite's own catalog", "sqlite3", "-version");
        repository = directory.resolve("project.fossil");
        ExternalTools.Result made = ExternalTools.run(List.of("fossil", "init", repository.toString(), "--admin-user", "surveyor"),
                Map.of("USER", "surveyor", "HOME", directory.toString()), null);
        assertThat(made.exitCode()).as(made.err()).isZero();
        SqliteAdapter adapter = SqliteAdapter.create(new SqliteLocation(repository, false, false, false), ConnectionConfig.defaults());
        try {
            schema = adapter.collect("project.fossil").block();
        } finally {
            adapter.close().block();
        }
        ContractSchemas.assertValid(schema);
    }

    private static List<JsonNode> sqlite3(String query) {
        String out = SqliteFixture.sqlite3(repository, "-json", "-readonly", query).strip();
        if (out.isEmpty()) {
            return List.of();
        }
        try {
            List<JsonNode> rows = new ArrayList<>();
            JSON.readTree(out).forEach(rows::add);
            return rows;
        } catch (java.io.IOException e) {
            throw new AssertionError("sqlite3 printed no JSON: " + out, e);
        }
    }

    private static String text(JsonNode row, String field) {
        return row.get(field) == null || row.get(field).isNull() ? null : row.get(field).asText();
    }

    @Test
    void theRepositoryIsLargeEnoughToMean() {
        assertThat(schema.tables()).hasSizeGreaterThan(20);
        assertThat(schema.indexes()).hasSizeGreaterThan(20);
        assertThat(schema.collectionMetadata().objectFailures()).isEmpty();
    }

    @Test
    void tablesAndColumnsAreThoseOfSqlitesCatalog() {
        Set<String> expected = new TreeSet<>();
        for (JsonNode row : sqlite3("SELECT m.name AS t, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk FROM sqlite_schema AS m "
                + "JOIN pragma_table_info(m.name) AS p WHERE " + TABLES)) {
            String type = text(row, "type");
            boolean key = row.get("pk").asInt() > 0;
            // A key column may be NOT NULL by SQLite's rules (a rowid alias, a WITHOUT ROWID key) without declaring it.
            String nullable = key ? (row.get("notnull").asInt() == 1 ? "false" : "key") : String.valueOf(row.get("notnull").asInt() == 0);
            expected.add(String.join("|", text(row, "t"), String.valueOf(row.get("cid").asInt() + 1), text(row, "name"),
                    type == null || type.isEmpty() ? "-" : type, nullable, String.valueOf(text(row, "dflt_value")), String.valueOf(key)));
        }
        Set<String> collected = new TreeSet<>();
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) {
                String nullable = column.isPrimaryKey() && (column.isNullable() || column.isAutoIncrement() || table.options().contains("WITHOUT ROWID"))
                        && !expected.contains(line(table, column, "false")) ? "key" : String.valueOf(column.isNullable());
                collected.add(line(table, column, nullable));
            }
        }
        assertThat(collected).isEqualTo(expected);
    }

    private static String line(Table table, Column column, String nullable) {
        return String.join("|", table.name(), String.valueOf(column.ordinalPosition()), column.name(),
                column.nativeType() == null ? "-" : column.nativeType(), nullable, String.valueOf(column.defaultValue()),
                String.valueOf(column.isPrimaryKey()));
    }

    @Test
    void indexesAndTheirKeysAreThoseOfSqlitesCatalog() {
        Set<String> expected = new TreeSet<>();
        for (JsonNode row : sqlite3("SELECT m.name AS t, i.name AS i, i.\"unique\" AS u, i.origin AS o, i.partial AS p, "
                + "(SELECT group_concat(coalesce(x.name, '<expr>'), ',') FROM pragma_index_info(i.name) AS x) AS k "
                + "FROM sqlite_schema AS m JOIN pragma_index_list(m.name) AS i WHERE " + TABLES)) {
            expected.add(String.join("|", text(row, "t"), text(row, "i"), String.valueOf(row.get("u").asInt() == 1),
                    String.valueOf(text(row, "o").equals("pk")), String.valueOf(row.get("p").asInt() == 1), text(row, "k")));
        }
        Set<String> collected = schema.indexes().stream()
                .map(index -> String.join("|", index.tableName(), index.name(), String.valueOf(index.isUnique()), String.valueOf(index.isPrimary()),
                        String.valueOf(index.predicate() != null),
                        index.columns().stream().map(key -> key.expression() != null ? "<expr>" : key.name()).collect(Collectors.joining(","))))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(collected).isEqualTo(expected);
    }

    @Test
    void foreignKeysAreThoseOfSqlitesCatalog() {
        Set<String> expected = new TreeSet<>();
        for (JsonNode row : sqlite3("SELECT m.name AS t, f.\"from\" AS c, f.\"table\" AS r, f.on_delete AS d FROM sqlite_schema AS m "
                + "JOIN pragma_foreign_key_list(m.name) AS f WHERE " + TABLES)) {
            expected.add(String.join("|", text(row, "t"), text(row, "c"), text(row, "r"), text(row, "d").replace(" ", "").toUpperCase()));
        }
        Set<String> collected = new TreeSet<>();
        for (Table table : schema.tables()) {
            for (ForeignKey key : table.foreignKeys()) {
                for (String column : key.columns()) {
                    collected.add(String.join("|", table.name(), column, key.referencedTable(), key.onDelete().name().replace("_", "")));
                }
            }
        }
        assertThat(collected).isEqualTo(expected);
    }

    @Test
    void viewsAndTriggersAreThoseOfSqlitesCatalog() {
        Set<String> views = schema.views().stream().map(View::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> triggers = schema.triggers().stream().map(Trigger::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tables = schema.tables().stream().map(Table::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(views).isEqualTo(names("SELECT name FROM sqlite_schema WHERE type = 'view'"));
        assertThat(triggers).isEqualTo(names("SELECT name FROM sqlite_schema WHERE type = 'trigger'"));
        assertThat(tables).isEqualTo(names("SELECT m.name FROM sqlite_schema AS m WHERE " + TABLES));
    }

    private static Set<String> names(String query) {
        return sqlite3(query).stream().map(row -> row.get("name").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void expressionKeysKeepTheirText() {
        for (Index index : schema.indexes()) {
            for (IndexColumn key : index.columns()) {
                if (key.expression() != null) {
                    assertThat(key.expression()).isNotBlank().isEqualTo(key.name());
                }
            }
        }
    }
}
