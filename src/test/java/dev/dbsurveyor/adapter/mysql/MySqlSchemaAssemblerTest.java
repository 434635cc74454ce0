package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.adapter.StageResults;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.ColumnRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.IndexColumnRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.KeyColumnRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.MySqlRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.ReferentialRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.SchemaRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.TableConstraintRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.TableRow;
import dev.dbsurveyor.model.Constraint;
import dev.dbsurveyor.model.ConstraintType;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ForeignKey;
import dev.dbsurveyor.model.Index;
import dev.dbsurveyor.model.ReferentialAction;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.testing.ContractSchemas;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MySQL assembler on catalog rows made here: every key, rule and index lands on its own table
 * whatever order the rows of a batch come in, as the rows of two databases stay apart.
 */
class MySqlSchemaAssemblerTest {

    private static final MySqlFlavour MARIADB = MySqlFlavour.of("10.11.9-MariaDB");
    private static final String DATABASE = "shop";
    private static final String OTHER = "other";

    /** Rows of {@code tables} tables t1..tN in {@code database}: each with a primary key, a foreign key to the table before it (two columns) and an index. */
    private static Map<MySqlStage, List<MySqlRow>> wide(String database, int tables) {
        Map<MySqlStage, List<MySqlRow>> rows = new EnumMap<>(MySqlStage.class);
        for (MySqlStage stage : MySqlStage.values()) {
            rows.put(stage, new ArrayList<>());
        }
        rows.get(MySqlStage.SCHEMATA).add(new SchemaRow(database, "utf8mb4", "utf8mb4_general_ci"));
        for (int t = 1; t <= tables; t++) {
            String table = "t" + t;
            String parent = "t" + Math.max(1, t - 1);
            rows.get(MySqlStage.TABLES).add(new TableRow(database, table, "BASE TABLE", 0L, 16_384L, "", ""));
            List<String> columns = List.of("id", "region", "parent_id", "parent_region", "label");
            for (int c = 0; c < columns.size(); c++) {
                rows.get(MySqlStage.COLUMNS).add(new ColumnRow(database, table, columns.get(c), c + 1, null, c < 2 ? "NO" : "YES",
                        c == 4 ? "varchar" : "int", c == 4 ? "varchar(100)" : "int(11)", c == 4 ? 100L : null, c == 4 ? null : 10L, "", "",
                        null));
            }
            rows.get(MySqlStage.TABLE_CONSTRAINTS).add(new TableConstraintRow(database, table, "PRIMARY", "PRIMARY KEY"));
            rows.get(MySqlStage.TABLE_CONSTRAINTS).add(new TableConstraintRow(database, table, table + "_parent", "FOREIGN KEY"));
            // A unique key of the same name as the foreign key: the two stay apart.
            rows.get(MySqlStage.TABLE_CONSTRAINTS).add(new TableConstraintRow(database, table, table + "_parent", "UNIQUE"));
            rows.get(MySqlStage.KEY_COLUMNS).add(new KeyColumnRow(database, table, "PRIMARY", "id", 1, null, null, null));
            rows.get(MySqlStage.KEY_COLUMNS).add(new KeyColumnRow(database, table, "PRIMARY", "region", 2, null, null, null));
            rows.get(MySqlStage.KEY_COLUMNS).add(new KeyColumnRow(database, table, table + "_parent", "parent_region", 2, database, parent,
                    "region"));
            rows.get(MySqlStage.KEY_COLUMNS).add(new KeyColumnRow(database, table, table + "_parent", "parent_id", 1, database, parent, "id"));
            rows.get(MySqlStage.KEY_COLUMNS).add(new KeyColumnRow(database, table, table + "_parent", "label", 1, null, null, null));
            rows.get(MySqlStage.REFERENTIAL_CONSTRAINTS).add(new ReferentialRow(database, table, table + "_parent", "CASCADE",
                    t % 2 == 0 ? "SET NULL" : "RESTRICT"));
            rows.get(MySqlStage.STATISTICS).add(new IndexColumnRow(database, table, "PRIMARY", true, 2, "region", "A", null, "BTREE", null));
            rows.get(MySqlStage.STATISTICS).add(new IndexColumnRow(database, table, "PRIMARY", true, 1, "id", "A", null, "BTREE", null));
            rows.get(MySqlStage.STATISTICS).add(new IndexColumnRow(database, table, table + "_label", false, 1, "label", "D", 10L, "BTREE",
                    null));
        }
        return rows;
    }

    /** A batch's catalog: both databases' rows of each stage, shuffled together. */
    private static MySqlCatalog catalog(List<Map<MySqlStage, List<MySqlRow>>> databases, long seed) {
        Random random = new Random(seed);
        Map<MySqlStage, Map<String, List<MySqlRow>>> results = new EnumMap<>(MySqlStage.class);
        for (MySqlStage stage : MySqlStage.values()) {
            List<MySqlRow> rows = new ArrayList<>();
            databases.forEach(database -> rows.addAll(database.get(stage)));
            Collections.shuffle(rows, random);
            Map<String, List<MySqlRow>> byDatabase = new java.util.HashMap<>();
            rows.forEach(row -> byDatabase.computeIfAbsent(row.schema(), key -> new ArrayList<>()).add(row));
            results.put(stage, byDatabase);
        }
        return new MySqlCatalog(StageResults.of(results, Map.of()));
    }

    private static DatabaseSchema assemble(String database, MySqlCatalog catalog) {
        DatabaseSchema document = MySqlSchemaAssembler.assemble(database, catalog, MARIADB, "test", Instant.EPOCH, 0);
        ContractSchemas.assertValid(document);
        return document;
    }

    @Test
    void everyTableGetsItsOwnKeysRulesAndIndexesWhateverTheOrderOfTheRows() {
        int tables = 500;
        MySqlCatalog catalog = catalog(List.of(wide(DATABASE, tables), wide(OTHER, 3)), 42);

        DatabaseSchema document = assemble(DATABASE, catalog);

        assertThat(document.tables()).hasSize(tables);
        assertThat(document.collectionMetadata().objectFailures()).isEmpty();
        for (Table table : document.tables()) {
            int t = Integer.parseInt(table.name().substring(1));
            String parent = "t" + Math.max(1, t - 1);
            assertThat(table.schema()).isEqualTo(DATABASE);
            assertThat(table.columns()).extracting(column -> column.name()).containsExactly("id", "region", "parent_id", "parent_region", "label");
            assertThat(table.primaryKey().columns()).containsExactly("id", "region");
            assertThat(table.foreignKeys()).singleElement().isEqualTo(new ForeignKey(table.name() + "_parent",
                    List.of("parent_id", "parent_region"), parent, DATABASE, List.of("id", "region"),
                    t % 2 == 0 ? ReferentialAction.SET_NULL : ReferentialAction.RESTRICT, ReferentialAction.CASCADE));
            assertThat(table.constraints()).extracting(Constraint::constraintType, Constraint::columns).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(ConstraintType.PRIMARY_KEY, List.of("id", "region")),
                    org.assertj.core.groups.Tuple.tuple(ConstraintType.FOREIGN_KEY, List.of("parent_id", "parent_region")),
                    org.assertj.core.groups.Tuple.tuple(ConstraintType.UNIQUE, List.of("label")));
            assertThat(table.indexes()).extracting(Index::name, index -> index.columns().size(), Index::isUnique).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("PRIMARY", 2, true), org.assertj.core.groups.Tuple.tuple(table.name() + "_label", 1, false));
            assertThat(table.indexes().get(0).columns()).extracting(column -> column.name()).containsExactly("id", "region");
        }
        assertThat(assemble(OTHER, catalog).tables()).hasSize(3).allSatisfy(table -> assertThat(table.schema()).isEqualTo(OTHER));
    }

    @Test
    void theDocumentDoesNotDependOnTheOrderTheRowsCameIn() {
        List<Map<MySqlStage, List<MySqlRow>>> databases = List.of(wide(DATABASE, 50), wide(OTHER, 5));

        assertThat(assemble(DATABASE, catalog(databases, 1))).isEqualTo(assemble(DATABASE, catalog(databases, 2)));
    }
}
