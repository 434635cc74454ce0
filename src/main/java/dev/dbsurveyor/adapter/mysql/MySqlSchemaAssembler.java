package dev.dbsurveyor.adapter.mysql;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds one database's document from the rows a batch read for it. Tables, views and their
 * columns come from {@code TABLES} and {@code COLUMNS}; keys and constraints from
 * {@code TABLE_CONSTRAINTS}, {@code KEY_COLUMN_USAGE}, {@code REFERENTIAL_CONSTRAINTS} and
 * {@code CHECK_CONSTRAINTS}; indexes from {@code STATISTICS}. A stage that failed, and each view or
 * routine whose definition the role may not see, becomes an object failure; everything else is kept.
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

    private DatabaseSchema assemble(String collectorVersion, Instant collectedAt, long durationMs) {
        failures.addAll(catalog.stages().objectFailures());
        List<InfoRow> relations = rows(MySqlStage.TABLES);
        Map<String, List<InfoRow>> columnsByTable = byTable(rows(MySqlStage.COLUMNS));
        Map<String, List<Constraint>> constraintsByTable = constraints();
        Map<String, List<Index>> indexesByTable = indexes();
        Set<String> jsonColumns = jsonColumns(constraintsByTable);

        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        Map<String, String> viewDefinitions = rows(MySqlStage.VIEWS).stream()
                .collect(Collectors.toMap(row -> row.text("table_name"), row -> row.text("definition") == null ? "" : row.text("definition"),
                        (first, second) -> first));
        for (InfoRow relation : relations.stream().sorted(Comparator.comparing(row -> row.text("table_name"))).toList()) {
            String name = relation.text("table_name");
            String type = relation.text("table_type");
            List<InfoRow> columnRows = columnsByTable.getOrDefault(name, List.of());
            if ("VIEW".equals(type) || "SYSTEM VIEW".equals(type)) {
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
                    indexesByTable.getOrDefault(name, List.of()), jsonColumns));
        }
        if (!catalog.read(MySqlStage.COLUMNS) && !relations.isEmpty()) {
            warnings.add("The columns could not be read, so no table can be described (the v1.0 format needs columns): "
                    + relations.stream().filter(relation -> tableKind(relation) != null).count() + " table(s) are left out");
        }

        List<Routine> procedures = routines("PROCEDURE");
        List<Routine> functions = routines("FUNCTION");
        List<Trigger> triggers = rows(MySqlStage.TRIGGERS).stream()
                .sorted(Comparator.comparing((InfoRow row) -> row.text("table_name")).thenComparing(row -> row.text("timing"))
                        .thenComparing(row -> row.text("event")).thenComparing(row -> row.integer("action_order", 0)))
                .map(this::trigger).toList();
        List<ScheduledEvent> events = rows(MySqlStage.EVENTS).stream()
                .sorted(Comparator.comparing(row -> row.text("event_name"))).map(this::event).toList();

        InfoRow schemata = rows(MySqlStage.SCHEMATA).stream().findFirst().orElse(null);
        boolean limited = failures.stream().anyMatch(failure -> failure.errorCategory() == ErrorCategory.PERMISSION);
        Long size = catalog.read(MySqlStage.TABLES)
                ? relations.stream().map(row -> row.number("size_bytes")).filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sum()
                : null;
        DatabaseInfo info = new DatabaseInfo(database, flavour.version(), size,
                schemata == null ? null : schemata.text("encoding"), schemata == null ? null : schemata.text("collation"), null,
                SYSTEM_DATABASES.contains(database), limited ? AccessLevel.LIMITED : AccessLevel.FULL, CollectionStatus.SUCCESS);
        List<Index> indexes = tables.stream().flatMap(table -> table.indexes().stream()).toList();
        List<Constraint> constraints = tables.stream().flatMap(table -> table.constraints().stream()).toList();
        return new DatabaseSchema(DatabaseSchema.FORMAT_VERSION, info, tables, views, indexes, constraints, procedures, functions,
                triggers, List.of(), null, new CollectionMetadata(collectedAt, durationMs, collectorVersion,
                warnings, failures), events);
    }

    private List<InfoRow> rows(MySqlStage stage) {
        return catalog.rows(stage, database);
    }

    private static Map<String, List<InfoRow>> byTable(List<InfoRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(row -> row.text("table_name"), LinkedHashMap::new, Collectors.toList()));
    }

    private static TableKind tableKind(InfoRow relation) {
        String type = relation.text("table_type");
        if ("SYSTEM VERSIONED".equals(type)) {
            return TableKind.SYSTEM_VERSIONED_TABLE;
        }
        if (!"BASE TABLE".equals(type)) {
            return null;
        }
        String options = relation.text("create_options");
        return options != null && options.toLowerCase(Locale.ROOT).contains("partitioned") ? TableKind.PARTITIONED_TABLE : TableKind.TABLE;
    }

    private Table table(InfoRow relation, TableKind kind, List<InfoRow> columnRows, List<Constraint> constraints, List<Index> indexes,
                        Set<String> jsonColumns) {
        String name = relation.text("table_name");
        Constraint primary = constraints.stream().filter(c -> c.constraintType() == ConstraintType.PRIMARY_KEY && !c.columns().isEmpty())
                .findFirst().orElse(null);
        Set<String> keyColumns = primary == null ? Set.of() : new HashSet<>(primary.columns());
        List<ForeignKey> foreignKeys = foreignKeys(name);
        return new Table(name, database, columns(name, columnRows, keyColumns, jsonColumns),
                primary == null ? null : new PrimaryKey(primary.name(), primary.columns()), foreignKeys, indexes, constraints,
                relation.nonEmpty("comment"), relation.number("row_estimate"), kind, null);
    }

    private List<Column> columns(String table, List<InfoRow> rows, Set<String> keyColumns, Set<String> jsonColumns) {
        return rows.stream()
                .sorted(Comparator.comparingInt(row -> row.integer("position", 0)))
                .map(row -> {
                    String name = row.text("column_name");
                    String extra = row.text("extra") == null ? "" : row.text("extra").toLowerCase(Locale.ROOT);
                    UnifiedDataType type = jsonColumns.contains(table + "\u0000" + name)
                            ? new UnifiedDataType.JsonType()
                            : MySqlTypeMapper.map(row.text("data_type"), row.text("column_type"), row.number("max_length"),
                            row.number("numeric_precision"));
                    return new Column(name, type, "YES".equals(row.text("is_nullable")), keyColumns.contains(name),
                            extra.contains("auto_increment"), defaultClause(row, extra), row.nonEmpty("comment"),
                            row.integer("position", 1), row.text("column_type"));
                })
                .toList();
    }

    /**
     * The column's default as its DDL would state it. MariaDB (10.2.7 and newer) writes defaults as
     * SQL expressions, string literals quoted and an explicit NULL as {@code NULL}; MySQL writes a
     * literal bare and flags expression defaults {@code DEFAULT_GENERATED}: its literals are quoted
     * here so that both read the same.
     */
    private String defaultClause(InfoRow row, String extra) {
        String generated = row.nonEmpty("generation_expression");
        if (generated != null) {
            return "GENERATED ALWAYS AS (" + generated + ") " + (extra.contains("stored") || extra.contains("persistent") ? "STORED" : "VIRTUAL");
        }
        String value = row.text("default_value");
        if (value == null) {
            return null;
        }
        if (flavour.isMariaDb() && flavour.versionNumber() >= 100_207) {
            return "NULL".equals(value) ? null : value;
        }
        String dataType = row.text("data_type").toLowerCase(Locale.ROOT);
        if (extra.contains("default_generated") || NUMERIC_TYPES.contains(dataType)
                || value.matches("(?i)current_timestamp(\\(\\d*\\))?")
                || value.startsWith("0x") && (dataType.contains("binary") || dataType.contains("blob"))) {
            return value;
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Columns of keys by {@link #keyOf}: a unique key and a foreign key of one table may share a
     * name, so whether the key references a table is part of it.
     */
    private Map<String, List<String>> keyColumns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        rows(MySqlStage.KEY_COLUMNS).stream()
                .sorted(Comparator.comparingInt(row -> row.integer("position", 0)))
                .forEach(row -> columns.computeIfAbsent(keyOf(row.text("table_name"), row.text("constraint_name"),
                        row.text("referenced_table") != null), key -> new ArrayList<>()).add(row.text("column_name")));
        return columns;
    }

    private static String keyOf(String table, String constraint, boolean foreign) {
        return table + "\u0000" + constraint + "\u0000" + foreign;
    }

    private Map<String, List<Constraint>> constraints() {
        Map<String, List<String>> keyColumns = keyColumns();
        Map<String, List<Constraint>> byTable = new LinkedHashMap<>();
        Map<String, String> checkTables = new LinkedHashMap<>();
        for (InfoRow row : rows(MySqlStage.TABLE_CONSTRAINTS)) {
            String table = row.text("table_name");
            String name = row.text("constraint_name");
            ConstraintType type = switch (row.text("constraint_type")) {
                case "PRIMARY KEY" -> ConstraintType.PRIMARY_KEY;
                case "FOREIGN KEY" -> ConstraintType.FOREIGN_KEY;
                case "UNIQUE" -> ConstraintType.UNIQUE;
                default -> null;
            };
            if ("CHECK".equals(row.text("constraint_type"))) {
                checkTables.putIfAbsent(name, table);
            }
            List<String> columns = keyColumns.getOrDefault(keyOf(table, name, type == ConstraintType.FOREIGN_KEY), List.of());
            // Without their columns (a failed stage, recorded as such, or a key added between two reads) keys are left out.
            if (type != null && !columns.isEmpty()) {
                byTable.computeIfAbsent(table, key -> new ArrayList<>()).add(new Constraint(name, table, database, type, columns, null));
            }
        }
        for (InfoRow row : rows(MySqlStage.CHECK_CONSTRAINTS)) {
            String table = row.text("table_name") != null ? row.text("table_name") : checkTables.get(row.text("constraint_name"));
            if (table != null) {
                byTable.computeIfAbsent(table, key -> new ArrayList<>()).add(new Constraint(row.text("constraint_name"), table, database,
                        ConstraintType.CHECK, List.of(), row.text("check_clause")));
            }
        }
        byTable.values().forEach(list -> list.sort(Comparator.comparing(Constraint::constraintType).thenComparing(Constraint::name)));
        return byTable;
    }

    /**
     * MariaDB's {@code JSON} is {@code LONGTEXT} with a column-level check {@code json_valid(`column`)}
     * (named after the column): such columns are JSON.
     */
    private static Set<String> jsonColumns(Map<String, List<Constraint>> constraintsByTable) {
        Set<String> json = new HashSet<>();
        constraintsByTable.forEach((table, constraints) -> constraints.stream()
                .filter(c -> c.constraintType() == ConstraintType.CHECK && c.checkClause() != null)
                .filter(c -> c.checkClause().replace(" ", "").equalsIgnoreCase("json_valid(`" + c.name().replace("`", "``") + "`)"))
                .forEach(c -> json.add(table + "\u0000" + c.name())));
        return json;
    }

    private List<ForeignKey> foreignKeys(String table) {
        Map<String, InfoRow> rules = rows(MySqlStage.REFERENTIAL_CONSTRAINTS).stream()
                .filter(row -> table.equals(row.text("table_name")))
                .collect(Collectors.toMap(row -> row.text("constraint_name"), row -> row, (first, second) -> first));
        Map<String, List<InfoRow>> byName = rows(MySqlStage.KEY_COLUMNS).stream()
                .filter(row -> table.equals(row.text("table_name")) && row.text("referenced_table") != null)
                .sorted(Comparator.comparingInt(row -> row.integer("position", 0)))
                .collect(Collectors.groupingBy(row -> row.text("constraint_name"), LinkedHashMap::new, Collectors.toList()));
        List<ForeignKey> keys = new ArrayList<>();
        byName.forEach((name, columns) -> {
            InfoRow first = columns.get(0);
            InfoRow rule = rules.get(name);
            keys.add(new ForeignKey(name, columns.stream().map(row -> row.text("column_name")).toList(), first.text("referenced_table"),
                    first.text("referenced_schema"), columns.stream().map(row -> row.text("referenced_column")).toList(),
                    action(rule == null ? null : rule.text("on_delete")), action(rule == null ? null : rule.text("on_update"))));
        });
        keys.sort(Comparator.comparing(ForeignKey::name));
        return keys;
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
        Map<String, Map<String, List<InfoRow>>> byTable = new LinkedHashMap<>();
        rows(MySqlStage.STATISTICS).stream()
                .sorted(Comparator.comparingInt(row -> row.integer("position", 0)))
                .forEach(row -> byTable.computeIfAbsent(row.text("table_name"), key -> new java.util.TreeMap<>())
                        .computeIfAbsent(row.text("index_name"), key -> new ArrayList<>()).add(row));
        Map<String, List<Index>> indexes = new LinkedHashMap<>();
        byTable.forEach((table, byName) -> byName.forEach((name, rows) -> {
            List<IndexColumn> columns = rows.stream().map(MySqlSchemaAssembler::indexColumn).toList();
            InfoRow first = rows.get(0);
            indexes.computeIfAbsent(table, key -> new ArrayList<>()).add(new Index(name, table, database, columns,
                    "0".equals(first.text("non_unique")), "PRIMARY".equals(name), first.text("index_type"), null));
        }));
        return indexes;
    }

    private static IndexColumn indexColumn(InfoRow row) {
        String expression = row.nonEmpty("expression");
        SortOrder order = switch (row.text("collation") == null ? "" : row.text("collation")) {
            case "A" -> SortOrder.ASCENDING;
            case "D" -> SortOrder.DESCENDING;
            default -> null;
        };
        Long prefix = row.number("sub_part");
        return new IndexColumn(expression != null ? expression : row.text("column_name"), order, expression,
                prefix == null ? null : prefix.intValue());
    }

    private View view(String name, Map<String, String> definitions, List<InfoRow> columnRows, Set<String> jsonColumns) {
        String definition = definitions.get(name);
        if (definition != null && definition.isEmpty()) {
            failures.add(new ObjectFailure(ObjectType.VIEW, name, database, CollectionStage.COLLECT_VIEWS, ErrorCategory.PERMISSION,
                    "The role may not see the view's definition (it needs the SHOW VIEW privilege)", 0, null));
        }
        return new View(name, database, definition == null || definition.isEmpty() ? null : definition,
                columns(name, columnRows, Set.of(), jsonColumns), null, false);
    }

    private List<Routine> routines(String type) {
        Map<String, List<InfoRow>> parameters = rows(MySqlStage.PARAMETERS).stream()
                .filter(row -> type.equals(row.text("routine_type")))
                .sorted(Comparator.comparingInt(row -> row.integer("position", 0)))
                .collect(Collectors.groupingBy(row -> row.text("specific_name"), LinkedHashMap::new, Collectors.toList()));
        return rows(MySqlStage.ROUTINES).stream()
                .filter(row -> type.equals(row.text("routine_type")))
                .sorted(Comparator.comparing(row -> row.text("routine_name")))
                .map(row -> routine(row, parameters.getOrDefault(row.text("specific_name"), List.of()), type))
                .toList();
    }

    private Routine routine(InfoRow row, List<InfoRow> parameterRows, String type) {
        String name = row.text("routine_name");
        String definition = row.text("definition");
        if (definition == null) {
            failures.add(new ObjectFailure("PROCEDURE".equals(type) ? ObjectType.PROCEDURE : ObjectType.FUNCTION, name, database,
                    CollectionStage.COLLECT_ROUTINES, ErrorCategory.PERMISSION,
                    "The role may not see the routine's body (it is not its definer and lacks the privilege to read routines)", 0, null));
        }
        List<Parameter> parameters = parameterRows.stream()
                .map(parameter -> new Parameter(parameter.text("parameter_name") == null ? "" : parameter.text("parameter_name"),
                        MySqlTypeMapper.map(parameter.text("data_type"), parameter.text("column_type"), parameter.number("max_length"),
                                parameter.number("numeric_precision")),
                        direction(parameter.text("mode")), null, parameter.text("column_type")))
                .toList();
        boolean function = "FUNCTION".equals(type);
        return new Routine(name, database, definition, parameters,
                function && row.text("data_type") != null ? MySqlTypeMapper.map(row.text("data_type"), row.text("return_type"),
                        row.number("max_length"), row.number("numeric_precision")) : null,
                row.text("language"), row.nonEmpty("comment"), function ? row.text("return_type") : null);
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

    private Trigger trigger(InfoRow row) {
        TriggerEvent event = TriggerEvent.valueOf(row.text("event"));
        return new Trigger(row.text("trigger_name"), row.text("table_name"), database, event, TriggerTiming.valueOf(row.text("timing")),
                row.text("definition"), List.of(event));
    }

    private ScheduledEvent event(InfoRow row) {
        String schedule;
        if ("ONE TIME".equals(row.text("event_type"))) {
            schedule = "AT " + row.text("execute_at");
        } else {
            StringBuilder recurring = new StringBuilder("EVERY ").append(row.text("interval_value")).append(' ').append(row.text("interval_field"));
            if (row.text("starts") != null) {
                recurring.append(" STARTS ").append(row.text("starts"));
            }
            if (row.text("ends") != null) {
                recurring.append(" ENDS ").append(row.text("ends"));
            }
            schedule = recurring.toString();
        }
        return new ScheduledEvent(row.text("event_name"), database, row.text("definition"), schedule, row.text("status"),
                row.nonEmpty("comment"));
    }
}
