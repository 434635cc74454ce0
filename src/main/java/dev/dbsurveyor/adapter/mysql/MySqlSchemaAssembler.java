package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.CheckRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.ColumnRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.EventRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.IndexColumnRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.KeyColumnRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.MySqlRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.ParameterRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.ReferentialRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.RoutineRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.SchemaRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.TableConstraintRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.TableRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.TriggerRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.ViewRow;
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
import dev.dbsurveyor.model.Parameter;
import dev.dbsurveyor.model.ParameterDirection;
import dev.dbsurveyor.model.PrimaryKey;
import dev.dbsurveyor.model.ReferentialAction;
import dev.dbsurveyor.model.Routine;
import dev.dbsurveyor.model.ScheduledEvent;
import dev.dbsurveyor.model.SortOrder;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.TableKind;
import dev.dbsurveyor.model.Trigger;
import dev.dbsurveyor.model.TriggerEvent;
import dev.dbsurveyor.model.TriggerTiming;
import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.model.View;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds one database's document from the rows a batch read for it. Tables, views and their
 * columns come from {@code TABLES} and {@code COLUMNS}; keys and constraints from
 * {@code TABLE_CONSTRAINTS}, {@code KEY_COLUMN_USAGE}, {@code REFERENTIAL_CONSTRAINTS} and
 * {@code CHECK_CONSTRAINTS}; indexes from {@code STATISTICS}. A stage that failed, and each view or
 * routine whose definition the role may not see, becomes an object failure; everything else is kept.
 * Each stage's rows are grouped by table once, so the work grows with the catalog, not with its
 * tables times its keys.
 */
final class MySqlSchemaAssembler {

    /** Databases that are system databases by name. */
    static final Set<String> SYSTEM_DATABASES = Set.of("mysql", "information_schema", "performance_schema", "sys");

    private static final Set<String> NUMERIC_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint",
            "decimal", "numeric", "float", "double", "real", "bit", "year", "bool", "boolean");

    private final String database;
    private final MySqlCatalog catalog;
    private final MySqlFlavour flavour;
    private final List<String> warnings = new ArrayList<>();
    private final List<ObjectFailure> failures = new ArrayList<>();

    private MySqlSchemaAssembler(String database, MySqlCatalog catalog, MySqlFlavour flavour) {
        this.database = database;
        this.catalog = catalog;
        this.flavour = flavour;
    }

    static DatabaseSchema assemble(String database, MySqlCatalog catalog, MySqlFlavour flavour, String collectorVersion,
                                   Instant collectedAt, long durationMs) {
        return new MySqlSchemaAssembler(database, catalog, flavour).assemble(collectorVersion, collectedAt, durationMs);
    }

    /** A column of a table, as a key of a set. */
    private record ColumnName(String table, String column) {
    }

    /**
     * A key of a table by name: a unique key and a foreign key of one table may share a name, so
     * whether the key references a table is part of it.
     */
    private record KeyName(String table, String constraint, boolean foreign) {
    }

    private DatabaseSchema assemble(String collectorVersion, Instant collectedAt, long durationMs) {
        failures.addAll(catalog.stages().objectFailures());
        List<TableRow> relations = rows(MySqlStage.TABLES, TableRow.class);
        Map<String, List<ColumnRow>> columnsByTable = byTable(rows(MySqlStage.COLUMNS, ColumnRow.class), ColumnRow::tableName);
        List<KeyColumnRow> keyColumns = rows(MySqlStage.KEY_COLUMNS, KeyColumnRow.class).stream()
                .sorted(Comparator.comparingInt(KeyColumnRow::position)).toList();
        Map<String, List<Constraint>> constraintsByTable = constraints(keyColumns);
        Map<String, List<ForeignKey>> foreignKeysByTable = foreignKeys(keyColumns);
        Map<String, List<Index>> indexesByTable = indexes();
        Set<ColumnName> jsonColumns = jsonColumns(constraintsByTable);

        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        Map<String, String> viewDefinitions = rows(MySqlStage.VIEWS, ViewRow.class).stream()
                .collect(Collectors.toMap(ViewRow::name, row -> row.definition() == null ? "" : row.definition(), (first, second) -> first));
        for (TableRow relation : relations.stream().sorted(Comparator.comparing(TableRow::name)).toList()) {
            String name = relation.name();
            List<ColumnRow> columnRows = columnsByTable.getOrDefault(name, List.of());
            if ("VIEW".equals(relation.type()) || "SYSTEM VIEW".equals(relation.type())) {
                views.add(view(name, viewDefinitions, columnRows, jsonColumns));
                continue;
            }
            TableKind kind = tableKind(relation);
            if (kind == null) {
                continue;
            }
            if (columnRows.isEmpty()) {
                if (catalog.read(MySqlStage.COLUMNS)) {
                    warnings.add("Table " + database + "." + name + " is left out: no columns are visible to the role");
                }
                continue;
            }
            tables.add(table(relation, kind, columnRows, constraintsByTable.getOrDefault(name, List.of()),
                    foreignKeysByTable.getOrDefault(name, List.of()), indexesByTable.getOrDefault(name, List.of()), jsonColumns));
        }
        if (!catalog.read(MySqlStage.COLUMNS) && !relations.isEmpty()) {
            warnings.add("The columns could not be read, so no table can be described (the v1.0 format needs columns): "
                    + relations.stream().filter(relation -> tableKind(relation) != null).count() + " table(s) are left out");
        }

        List<Routine> procedures = routines("PROCEDURE");
        List<Routine> functions = routines("FUNCTION");
        List<Trigger> triggers = rows(MySqlStage.TRIGGERS, TriggerRow.class).stream()
                .sorted(Comparator.comparing(TriggerRow::tableName).thenComparing(TriggerRow::timing).thenComparing(TriggerRow::event)
                        .thenComparingInt(TriggerRow::actionOrder))
                .map(this::trigger).toList();
        List<ScheduledEvent> events = rows(MySqlStage.EVENTS, EventRow.class).stream()
                .sorted(Comparator.comparing(EventRow::name)).map(this::event).toList();

        SchemaRow schemata = rows(MySqlStage.SCHEMATA, SchemaRow.class).stream().findFirst().orElse(null);
        boolean limited = failures.stream().anyMatch(failure -> failure.errorCategory() == ErrorCategory.PERMISSION);
        Long size = catalog.read(MySqlStage.TABLES)
                ? relations.stream().map(TableRow::sizeBytes).filter(Objects::nonNull).mapToLong(Long::longValue).sum()
                : null;
        DatabaseInfo info = new DatabaseInfo(database, flavour.version(), size,
                schemata == null ? null : schemata.encoding(), schemata == null ? null : schemata.collation(), null,
                SYSTEM_DATABASES.contains(database), limited ? AccessLevel.LIMITED : AccessLevel.FULL, CollectionStatus.SUCCESS);
        List<Index> indexes = tables.stream().flatMap(table -> table.indexes().stream()).toList();
        List<Constraint> constraints = tables.stream().flatMap(table -> table.constraints().stream()).toList();
        return new DatabaseSchema(DatabaseSchema.FORMAT_VERSION, info, tables, views, indexes, constraints, procedures, functions,
                triggers, List.of(), null, new CollectionMetadata(collectedAt, durationMs, collectorVersion,
                warnings, failures), events);
    }

    private <T extends MySqlRow> List<T> rows(MySqlStage stage, Class<T> type) {
        return catalog.rows(stage, database, type);
    }

    private static <T> Map<String, List<T>> byTable(List<T> rows, Function<T, String> table) {
        return rows.stream().collect(Collectors.groupingBy(table, LinkedHashMap::new, Collectors.toList()));
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static TableKind tableKind(TableRow relation) {
        if ("SYSTEM VERSIONED".equals(relation.type())) {
            return TableKind.SYSTEM_VERSIONED_TABLE;
        }
        if (!"BASE TABLE".equals(relation.type())) {
            return null;
        }
        String options = relation.createOptions();
        return options != null && options.toLowerCase(Locale.ROOT).contains("partitioned") ? TableKind.PARTITIONED_TABLE : TableKind.TABLE;
    }

    private Table table(TableRow relation, TableKind kind, List<ColumnRow> columnRows, List<Constraint> constraints,
                        List<ForeignKey> foreignKeys, List<Index> indexes, Set<ColumnName> jsonColumns) {
        String name = relation.name();
        Constraint primary = constraints.stream().filter(c -> c.constraintType() == ConstraintType.PRIMARY_KEY && !c.columns().isEmpty())
                .findFirst().orElse(null);
        Set<String> keyColumns = primary == null ? Set.of() : new HashSet<>(primary.columns());
        return new Table(name, database, columns(name, columnRows, keyColumns, jsonColumns),
                primary == null ? null : new PrimaryKey(primary.name(), primary.columns()), foreignKeys, indexes, constraints,
                nonEmpty(relation.comment()), relation.rowEstimate(), kind, null);
    }

    private List<Column> columns(String table, List<ColumnRow> rows, Set<String> keyColumns, Set<ColumnName> jsonColumns) {
        return rows.stream()
                .sorted(Comparator.comparingInt(ColumnRow::position))
                .map(row -> {
                    String name = row.name();
                    String extra = row.extra() == null ? "" : row.extra().toLowerCase(Locale.ROOT);
                    UnifiedDataType type = jsonColumns.contains(new ColumnName(table, name))
                            ? new UnifiedDataType.JsonType()
                            : MySqlTypeMapper.map(row.dataType(), row.columnType(), row.maxLength(), row.numericPrecision());
                    return new Column(name, type, "YES".equals(row.isNullable()), keyColumns.contains(name),
                            extra.contains("auto_increment"), defaultClause(row, extra), nonEmpty(row.comment()), row.position(),
                            row.columnType());
                })
                .toList();
    }

    /**
     * The column's default as its DDL would state it. MariaDB (10.2.7 and newer) writes defaults as
     * SQL expressions, string literals quoted and an explicit NULL as {@code NULL}; MySQL writes a
     * literal bare and flags expression defaults {@code DEFAULT_GENERATED}: its literals are quoted
     * here so that both read the same.
     */
    private String defaultClause(ColumnRow row, String extra) {
        String generated = nonEmpty(row.generationExpression());
        if (generated != null) {
            return "GENERATED ALWAYS AS (" + generated + ") " + (extra.contains("stored") || extra.contains("persistent") ? "STORED" : "VIRTUAL");
        }
        String value = row.defaultValue();
        if (value == null) {
            return null;
        }
        if (flavour.isMariaDb() && flavour.versionNumber() >= 100_207) {
            return "NULL".equals(value) ? null : value;
        }
        String dataType = row.dataType().toLowerCase(Locale.ROOT);
        if (extra.contains("default_generated") || NUMERIC_TYPES.contains(dataType)
                || value.matches("(?i)current_timestamp(\\(\\d*\\))?")
                || value.startsWith("0x") && (dataType.contains("binary") || dataType.contains("blob"))) {
            return value;
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** Each key's columns in order, from the key column rows sorted by position. */
    private static Map<KeyName, List<String>> keyColumns(List<KeyColumnRow> keyColumns) {
        Map<KeyName, List<String>> columns = new HashMap<>();
        keyColumns.forEach(row -> columns.computeIfAbsent(new KeyName(row.tableName(), row.constraintName(), row.foreign()),
                key -> new ArrayList<>()).add(row.columnName()));
        return columns;
    }

    private Map<String, List<Constraint>> constraints(List<KeyColumnRow> keyColumnRows) {
        Map<KeyName, List<String>> keyColumns = keyColumns(keyColumnRows);
        Map<String, List<Constraint>> byTable = new LinkedHashMap<>();
        Map<String, String> checkTables = new HashMap<>();
        for (TableConstraintRow row : rows(MySqlStage.TABLE_CONSTRAINTS, TableConstraintRow.class)) {
            String table = row.tableName();
            String name = row.name();
            ConstraintType type = switch (row.type()) {
                case "PRIMARY KEY" -> ConstraintType.PRIMARY_KEY;
                case "FOREIGN KEY" -> ConstraintType.FOREIGN_KEY;
                case "UNIQUE" -> ConstraintType.UNIQUE;
                default -> null;
            };
            if ("CHECK".equals(row.type())) {
                checkTables.putIfAbsent(name, table);
            }
            List<String> columns = keyColumns.getOrDefault(new KeyName(table, name, type == ConstraintType.FOREIGN_KEY), List.of());
            // Without their columns (a failed stage, recorded as such, or a key added between two reads) keys are left out.
            if (type != null && !columns.isEmpty()) {
                byTable.computeIfAbsent(table, key -> new ArrayList<>()).add(new Constraint(name, table, database, type, columns, null));
            }
        }
        for (CheckRow row : rows(MySqlStage.CHECK_CONSTRAINTS, CheckRow.class)) {
            String table = row.tableName() != null ? row.tableName() : checkTables.get(row.constraintName());
            if (table != null) {
                byTable.computeIfAbsent(table, key -> new ArrayList<>()).add(new Constraint(row.constraintName(), table, database,
                        ConstraintType.CHECK, List.of(), row.clause()));
            }
        }
        byTable.values().forEach(list -> list.sort(Comparator.comparing(Constraint::constraintType).thenComparing(Constraint::name)));
        return byTable;
    }

    /**
     * MariaDB's {@code JSON} is {@code LONGTEXT} with a column-level check {@code json_valid(`column`)}
     * (named after the column): such columns are JSON.
     */
    private static Set<ColumnName> jsonColumns(Map<String, List<Constraint>> constraintsByTable) {
        Set<ColumnName> json = new HashSet<>();
        constraintsByTable.forEach((table, constraints) -> constraints.stream()
                .filter(c -> c.constraintType() == ConstraintType.CHECK && c.checkClause() != null)
                .filter(c -> c.checkClause().replace(" ", "").equalsIgnoreCase("json_valid(`" + c.name().replace("`", "``") + "`)"))
                .forEach(c -> json.add(new ColumnName(table, c.name()))));
        return json;
    }

    /** Each table's foreign keys by name, their columns in order and their rules from {@code REFERENTIAL_CONSTRAINTS}. */
    private Map<String, List<ForeignKey>> foreignKeys(List<KeyColumnRow> keyColumns) {
        Map<String, Map<String, ReferentialRow>> rules = new HashMap<>();
        rows(MySqlStage.REFERENTIAL_CONSTRAINTS, ReferentialRow.class).forEach(row -> rules
                .computeIfAbsent(row.tableName(), key -> new HashMap<>()).putIfAbsent(row.constraintName(), row));
        Map<String, Map<String, List<KeyColumnRow>>> columns = new LinkedHashMap<>();
        keyColumns.stream().filter(KeyColumnRow::foreign).forEach(row -> columns
                .computeIfAbsent(row.tableName(), key -> new LinkedHashMap<>())
                .computeIfAbsent(row.constraintName(), key -> new ArrayList<>()).add(row));
        Map<String, List<ForeignKey>> byTable = new HashMap<>();
        columns.forEach((table, byName) -> {
            Map<String, ReferentialRow> tableRules = rules.getOrDefault(table, Map.of());
            List<ForeignKey> keys = new ArrayList<>(byName.size());
            byName.forEach((name, keyRows) -> {
                KeyColumnRow first = keyRows.get(0);
                ReferentialRow rule = tableRules.get(name);
                keys.add(new ForeignKey(name, keyRows.stream().map(KeyColumnRow::columnName).toList(), first.referencedTable(),
                        first.referencedSchema(), keyRows.stream().map(KeyColumnRow::referencedColumn).toList(),
                        action(rule == null ? null : rule.onDelete()), action(rule == null ? null : rule.onUpdate())));
            });
            keys.sort(Comparator.comparing(ForeignKey::name));
            byTable.put(table, keys);
        });
        return byTable;
    }

    private static ReferentialAction action(String rule) {
        if (rule == null) {
            return null;
        }
        return switch (rule) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private Map<String, List<Index>> indexes() {
        Map<String, Map<String, List<IndexColumnRow>>> byTable = new LinkedHashMap<>();
        rows(MySqlStage.STATISTICS, IndexColumnRow.class).stream()
                .sorted(Comparator.comparingInt(IndexColumnRow::position))
                .forEach(row -> byTable.computeIfAbsent(row.tableName(), key -> new TreeMap<>())
                        .computeIfAbsent(row.indexName(), key -> new ArrayList<>()).add(row));
        Map<String, List<Index>> indexes = new LinkedHashMap<>();
        byTable.forEach((table, byName) -> byName.forEach((name, rows) -> {
            List<IndexColumn> columns = rows.stream().map(MySqlSchemaAssembler::indexColumn).toList();
            IndexColumnRow first = rows.get(0);
            indexes.computeIfAbsent(table, key -> new ArrayList<>()).add(new Index(name, table, database, columns,
                    first.unique(), "PRIMARY".equals(name), first.indexType(), null));
        }));
        return indexes;
    }

    private static IndexColumn indexColumn(IndexColumnRow row) {
        String expression = nonEmpty(row.expression());
        SortOrder order = switch (row.collation() == null ? "" : row.collation()) {
            case "A" -> SortOrder.ASCENDING;
            case "D" -> SortOrder.DESCENDING;
            default -> null;
        };
        Long prefix = row.subPart();
        return new IndexColumn(expression != null ? expression : row.columnName(), order, expression,
                prefix == null ? null : prefix.intValue());
    }

    private View view(String name, Map<String, String> definitions, List<ColumnRow> columnRows, Set<ColumnName> jsonColumns) {
        String definition = definitions.get(name);
        if (definition != null && definition.isEmpty()) {
            failures.add(new ObjectFailure(ObjectType.VIEW, name, database, CollectionStage.COLLECT_VIEWS, ErrorCategory.PERMISSION,
                    "The role may not see the view's definition (it needs the SHOW VIEW privilege)", 0, null));
        }
        return new View(name, database, definition == null || definition.isEmpty() ? null : definition,
                columns(name, columnRows, Set.of(), jsonColumns), null, false);
    }

    private List<Routine> routines(String type) {
        Map<String, List<ParameterRow>> parameters = rows(MySqlStage.PARAMETERS, ParameterRow.class).stream()
                .filter(row -> type.equals(row.routineType()))
                .sorted(Comparator.comparingInt(ParameterRow::position))
                .collect(Collectors.groupingBy(ParameterRow::specificName, LinkedHashMap::new, Collectors.toList()));
        return rows(MySqlStage.ROUTINES, RoutineRow.class).stream()
                .filter(row -> type.equals(row.type()))
                .sorted(Comparator.comparing(RoutineRow::name))
                .map(row -> routine(row, parameters.getOrDefault(row.specificName(), List.of()), type))
                .toList();
    }

    private Routine routine(RoutineRow row, List<ParameterRow> parameterRows, String type) {
        String name = row.name();
        String definition = row.definition();
        if (definition == null) {
            failures.add(new ObjectFailure("PROCEDURE".equals(type) ? ObjectType.PROCEDURE : ObjectType.FUNCTION, name, database,
                    CollectionStage.COLLECT_ROUTINES, ErrorCategory.PERMISSION,
                    "The role may not see the routine's body (it is not its definer and lacks the privilege to read routines)", 0, null));
        }
        List<Parameter> parameters = parameterRows.stream()
                .map(parameter -> new Parameter(parameter.name() == null ? "" : parameter.name(),
                        MySqlTypeMapper.map(parameter.dataType(), parameter.columnType(), parameter.maxLength(), parameter.numericPrecision()),
                        direction(parameter.mode()), null, parameter.columnType()))
                .toList();
        boolean function = "FUNCTION".equals(type);
        return new Routine(name, database, definition, parameters,
                function && row.dataType() != null ? MySqlTypeMapper.map(row.dataType(), row.returnType(), row.maxLength(),
                        row.numericPrecision()) : null,
                row.language(), nonEmpty(row.comment()), function ? row.returnType() : null);
    }

    private static ParameterDirection direction(String mode) {
        if (mode == null) {
            return ParameterDirection.IN;
        }
        return switch (mode) {
            case "OUT" -> ParameterDirection.OUT;
            case "INOUT" -> ParameterDirection.IN_OUT;
            default -> ParameterDirection.IN;
        };
    }

    private Trigger trigger(TriggerRow row) {
        TriggerEvent event = TriggerEvent.valueOf(row.event());
        return new Trigger(row.name(), row.tableName(), database, event, TriggerTiming.valueOf(row.timing()), row.definition(),
                List.of(event));
    }

    private ScheduledEvent event(EventRow row) {
        String schedule;
        if ("ONE TIME".equals(row.type())) {
            schedule = "AT " + row.executeAt();
        } else {
            StringBuilder recurring = new StringBuilder("EVERY ").append(row.intervalValue()).append(' ').append(row.intervalField());
            if (row.starts() != null) {
                recurring.append(" STARTS ").append(row.starts());
            }
            if (row.ends() != null) {
                recurring.append(" ENDS ").append(row.ends());
            }
            schedule = recurring.toString();
        }
        return new ScheduledEvent(row.name(), database, row.definition(), schedule, row.status(), nonEmpty(row.comment()));
    }
}
