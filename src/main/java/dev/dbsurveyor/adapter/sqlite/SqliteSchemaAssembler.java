package dev.dbsurveyor.adapter.sqlite;

import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.ColumnRow;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.ForeignKeyRow;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.IndexColumnRow;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.IndexRow;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.ObjectRow;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.TableRow;
import dev.dbsurveyor.adapter.sqlite.SqliteDefinitions.Declared;
import dev.dbsurveyor.adapter.sqlite.SqliteDefinitions.IndexDefinition;
import dev.dbsurveyor.adapter.sqlite.SqliteDefinitions.TableDefinition;
import dev.dbsurveyor.model.AccessLevel;
import dev.dbsurveyor.model.CollectionMetadata;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Constraint;
import dev.dbsurveyor.model.ConstraintType;
import dev.dbsurveyor.model.DatabaseInfo;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ForeignKey;
import dev.dbsurveyor.model.Index;
import dev.dbsurveyor.model.IndexColumn;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.model.ObjectType;
import dev.dbsurveyor.model.PrimaryKey;
import dev.dbsurveyor.model.ReferentialAction;
import dev.dbsurveyor.model.SortOrder;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.TableKind;
import dev.dbsurveyor.model.Trigger;
import dev.dbsurveyor.model.View;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds one SQLite file's document from its catalog. Every object lives in the schema
 * {@code main}. SQLite names only what a schema names; the rest is named here, the same way every
 * time: an unnamed primary key {@code <table>_pkey}, an unnamed unique constraint by the index
 * SQLite made for it ({@code sqlite_autoindex_<table>_<n>}), an unnamed foreign key
 * {@code <table>_fkey_<n>} and an unnamed check {@code <table>_check_<n>}, n counting from 1 in the
 * order the table declares them. A column is auto-increment when it is the rowid's alias (an
 * {@code INTEGER PRIMARY KEY} of a rowid table, with or without {@code AUTOINCREMENT}).
 */
final class SqliteSchemaAssembler {

    static final String SCHEMA = "main";

    private final SqliteCatalog catalog;
    private final List<ObjectFailure> failures;

    private SqliteSchemaAssembler(SqliteCatalog catalog) {
        this.catalog = catalog;
        this.failures = new ArrayList<>(catalog.failures());
    }

    /** The file's document: {@code file} is what the file system says of it, {@code warnings} what reading it met. */
    static DatabaseSchema assemble(String database, SqliteFile file, SqliteCatalog catalog, List<String> warnings, String collectorVersion,
                                   Instant collectedAt, long durationMs) {
        return new SqliteSchemaAssembler(catalog).assemble(database, file, warnings, collectorVersion, collectedAt, durationMs);
    }

    private DatabaseSchema assemble(String database, SqliteFile file, List<String> warnings, String collectorVersion, Instant collectedAt,
                                    long durationMs) {
        Map<String, List<ObjectRow>> byType = new TreeMap<>();
        catalog.objects().forEach(object -> byType.computeIfAbsent(object.type(), type -> new ArrayList<>()).add(object));
        Map<String, String> indexSql = new TreeMap<>();
        byType.getOrDefault("index", List.of()).forEach(index -> indexSql.put(index.name(), index.sql()));
        List<Table> tables = new ArrayList<>();
        for (ObjectRow object : byType.getOrDefault("table", List.of())) {
            table(object, indexSql).ifPresent(tables::add);
        }
        List<View> views = byType.getOrDefault("view", List.of()).stream().map(this::view).toList();
        List<Trigger> triggers = new ArrayList<>();
        for (ObjectRow object : byType.getOrDefault("trigger", List.of())) {
            Optional<SqliteDefinitions.TriggerDefinition> definition = SqliteDefinitions.trigger(object.sql());
            if (definition.isPresent()) {
                triggers.add(new Trigger(object.name(), object.tableName(), SCHEMA, definition.get().event(), definition.get().timing(),
                        object.sql(), List.of(definition.get().event())));
            } else {
                failures.add(new ObjectFailure(ObjectType.TRIGGER, object.name(), SCHEMA, CollectionStage.COLLECT_TRIGGERS,
                        ErrorCategory.INVALID_DATA, "its CREATE TRIGGER statement names no event this collector can read", 0, null));
            }
        }
        List<Index> indexes = tables.stream().flatMap(table -> table.indexes().stream()).toList();
        List<Constraint> constraints = tables.stream().flatMap(table -> table.constraints().stream()).toList();
        DatabaseInfo info = new DatabaseInfo(database, file.header().writerVersion(), file.sizeBytes(), catalog.file().encoding(), null,
                file.owner(), false, failures.isEmpty() ? AccessLevel.FULL : AccessLevel.LIMITED, CollectionStatus.SUCCESS);
        return new DatabaseSchema(DatabaseSchema.FORMAT_VERSION, info, tables, views, indexes, constraints, List.of(), List.of(), triggers,
                List.of(), null, new CollectionMetadata(collectedAt, durationMs, collectorVersion, warnings, failures), List.of());
    }

    private Optional<Table> table(ObjectRow object, Map<String, String> indexSql) {
        String name = object.name();
        List<ColumnRow> rows = catalog.columns().getOrDefault(name, List.of()).stream().filter(row -> row.hidden() != 1).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        TableRow listed = catalog.tables().get(name);
        boolean virtual = listed != null ? listed.type().equals("virtual") : SqliteDefinitions.virtualModule(object.sql()).isPresent();
        boolean withoutRowid = listed != null && listed.withoutRowid();
        boolean strict = listed != null && listed.strict();
        TableDefinition definition = SqliteDefinitions.table(object.sql());
        List<IndexRow> indexRows = catalog.indexes().getOrDefault(name, List.of());
        List<String> keyColumns = rows.stream().filter(row -> row.pk() > 0).sorted(Comparator.comparingInt(ColumnRow::pk))
                .map(ColumnRow::name).toList();
        boolean rowidAlias = !virtual && !withoutRowid && keyColumns.size() == 1
                && indexRows.stream().noneMatch(index -> index.origin().equals("pk"))
                && rows.stream().anyMatch(row -> row.pk() > 0 && "INTEGER".equalsIgnoreCase(row.type()));
        List<Column> columns = new ArrayList<>(rows.size());
        for (ColumnRow row : rows) {
            boolean key = row.pk() > 0;
            boolean alias = key && rowidAlias;
            columns.add(new Column(row.name(), SqliteTypeMapper.map(row.type(), strict), !(row.notNull() || alias || (key && withoutRowid)),
                    key, alias, defaultOf(row, definition), null, columns.size() + 1, row.type() == null || row.type().isBlank() ? null : row.type()));
        }
        List<Constraint> constraints = new ArrayList<>();
        PrimaryKey primaryKey = null;
        if (!keyColumns.isEmpty()) {
            String keyName = definition.primaryKeyName() != null ? definition.primaryKeyName() : name + "_pkey";
            primaryKey = new PrimaryKey(keyName, keyColumns);
            constraints.add(new Constraint(keyName, name, SCHEMA, ConstraintType.PRIMARY_KEY, keyColumns, null));
        }
        List<ForeignKey> foreignKeys = foreignKeys(name, definition);
        foreignKeys.forEach(key -> constraints.add(new Constraint(key.name(), name, SCHEMA, ConstraintType.FOREIGN_KEY, key.columns(), null)));
        List<Index> indexes = new ArrayList<>();
        for (IndexRow index : indexRows) {
            Index built = index(name, index, indexSql.get(index.name()));
            indexes.add(built);
            if (index.origin().equals("u")) {
                List<String> uniqueColumns = built.columns().stream().map(IndexColumn::name).toList();
                String declared = definition.uniques().stream().filter(unique -> sameNames(unique.columns(), uniqueColumns))
                        .map(Declared::name).filter(java.util.Objects::nonNull).findFirst().orElse(index.name());
                constraints.add(new Constraint(declared, name, SCHEMA, ConstraintType.UNIQUE, uniqueColumns, null));
            }
        }
        int check = 0;
        for (SqliteDefinitions.Check declared : definition.checks()) {
            check++;
            constraints.add(new Constraint(declared.name() != null ? declared.name() : name + "_check_" + check, name, SCHEMA,
                    ConstraintType.CHECK, declared.columns(), declared.clause()));
        }
        List<String> options = new ArrayList<>();
        if (withoutRowid) {
            options.add("WITHOUT ROWID");
        }
        if (strict) {
            options.add("STRICT");
        }
        String module = virtual ? SqliteDefinitions.virtualModule(object.sql()).orElse(null) : null;
        return Optional.of(new Table(name, SCHEMA, columns, primaryKey, foreignKeys, indexes, constraints, null,
                catalog.rowEstimates().get(name), virtual ? TableKind.VIRTUAL_TABLE : TableKind.TABLE, null, module, options));
    }

    /** The column's default, or for a generated column its generation as its DDL states it. */
    private static String defaultOf(ColumnRow row, TableDefinition definition) {
        if (row.hidden() == 2 || row.hidden() == 3) {
            String storage = row.hidden() == 3 ? "STORED" : "VIRTUAL";
            return definition.generatedColumn(row.name())
                    .map(generated -> "GENERATED ALWAYS AS (" + generated.expression() + ") " + storage)
                    .orElse(null);
        }
        return row.defaultValue();
    }

    private List<ForeignKey> foreignKeys(String table, TableDefinition definition) {
        Map<Integer, List<ForeignKeyRow>> byId = new TreeMap<>();
        catalog.foreignKeys().getOrDefault(table, List.of()).forEach(row -> byId.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        List<ForeignKey> keys = new ArrayList<>();
        List<Declared> declared = definition.foreignKeys();
        for (List<ForeignKeyRow> rows : byId.values()) {
            rows.sort(Comparator.comparingInt(ForeignKeyRow::seq));
            ForeignKeyRow first = rows.get(0);
            List<String> columns = rows.stream().map(ForeignKeyRow::from).toList();
            int position = -1;
            for (int i = 0; i < declared.size(); i++) {
                if (sameNames(declared.get(i).columns(), columns) && SqliteNames.same(declared.get(i).referencedTable(), first.table())) {
                    position = i;
                    break;
                }
            }
            String name = position >= 0 && declared.get(position).name() != null
                    ? declared.get(position).name()
                    : table + "_fkey_" + (position >= 0 ? position + 1 : declared.size() + first.id() + 1);
            List<String> referenced = rows.stream().anyMatch(row -> row.to() == null) ? parentKey(first.table()) : rows.stream().map(ForeignKeyRow::to).toList();
            if (referenced.size() != columns.size()) {
                failures.add(new ObjectFailure(ObjectType.CONSTRAINT, name, SCHEMA, CollectionStage.COLLECT_CONSTRAINTS, ErrorCategory.NOT_FOUND,
                        "refers to the primary key of " + first.table() + ", which has no primary key of " + columns.size() + " column(s)", 0,
                        null));
                continue;
            }
            keys.add(new ForeignKey(name, columns, first.table(), SCHEMA, referenced, action(first.onDelete()), action(first.onUpdate())));
        }
        return keys;
    }

    /** The primary key columns of the table named {@code parent}, as SQLite finds it (ASCII case ignored). */
    private List<String> parentKey(String parent) {
        return catalog.columns().entrySet().stream().filter(entry -> SqliteNames.same(entry.getKey(), parent)).findFirst()
                .map(entry -> entry.getValue().stream().filter(row -> row.pk() > 0).sorted(Comparator.comparingInt(ColumnRow::pk))
                        .map(ColumnRow::name).toList())
                .orElse(List.of());
    }

    private Index index(String table, IndexRow row, String sql) {
        IndexDefinition definition = SqliteDefinitions.index(sql);
        List<IndexColumn> columns = new ArrayList<>();
        catalog.indexColumns().getOrDefault(table, List.of()).stream()
                .filter(column -> column.index().equals(row.name()) && column.key())
                .sorted(Comparator.comparingInt(IndexColumnRow::seqno))
                .forEach(column -> {
                    SortOrder order = column.descending() ? SortOrder.DESCENDING : SortOrder.ASCENDING;
                    if (column.cid() == -2) {
                        String expression = column.seqno() < definition.keys().size() ? definition.keys().get(column.seqno()) : "(expression)";
                        columns.add(new IndexColumn(expression, order, expression));
                    } else {
                        columns.add(new IndexColumn(column.name() != null ? column.name() : "rowid", order, null));
                    }
                });
        return new Index(row.name(), table, SCHEMA, columns, row.unique(), row.origin().equals("pk"), "btree",
                row.partial() ? definition.predicate() : null);
    }

    private View view(ObjectRow object) {
        List<Column> columns = new ArrayList<>();
        for (ColumnRow row : catalog.columns().getOrDefault(object.name(), List.of())) {
            columns.add(new Column(row.name(), SqliteTypeMapper.map(row.type(), false), !row.notNull(), false, false, null, null,
                    columns.size() + 1, row.type() == null || row.type().isBlank() ? null : row.type()));
        }
        return new View(object.name(), SCHEMA, SqliteDefinitions.viewQuery(object.sql()), columns, null, false);
    }

    private static boolean sameNames(List<String> one, List<String> other) {
        if (one.size() != other.size()) {
            return false;
        }
        for (int i = 0; i < one.size(); i++) {
            if (!SqliteNames.same(one.get(i), other.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static ReferentialAction action(String action) {
        return switch (action == null ? "" : action.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }
}
