package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.ColumnRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.ConstraintRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.DatabaseRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.IndexKeyRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.IndexRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.RelationRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.RoutineRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.TriggerRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.TypeRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.ViewRow;
import dev.dbsurveyor.model.AccessLevel;
import dev.dbsurveyor.model.CollectionMetadata;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.CompositeAttribute;
import dev.dbsurveyor.model.Constraint;
import dev.dbsurveyor.model.ConstraintType;
import dev.dbsurveyor.model.CustomType;
import dev.dbsurveyor.model.DatabaseInfo;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ForeignKey;
import dev.dbsurveyor.model.Index;
import dev.dbsurveyor.model.IndexColumn;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.model.Parameter;
import dev.dbsurveyor.model.ParameterDirection;
import dev.dbsurveyor.model.PrimaryKey;
import dev.dbsurveyor.model.ReferentialAction;
import dev.dbsurveyor.model.Routine;
import dev.dbsurveyor.model.SortOrder;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.TableKind;
import dev.dbsurveyor.model.TableReference;
import dev.dbsurveyor.model.Trigger;
import dev.dbsurveyor.model.TriggerEvent;
import dev.dbsurveyor.model.TriggerTiming;
import dev.dbsurveyor.model.TypeCategory;
import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.model.View;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns what the catalog stages returned into one database's document. Stages that failed, or
 * whose answer does not read, become object failures; everything else is kept.
 */
final class PostgresSchemaAssembler {

    private final String database;
    private final PostgresCatalog catalog;
    private final List<String> warnings = new ArrayList<>();

    private PostgresSchemaAssembler(String database, PostgresCatalog catalog) {
        this.database = database;
        this.catalog = catalog;
    }

    static DatabaseSchema assemble(String database, PostgresCatalog catalog, String collectorVersion, Instant collectedAt,
                                   long durationMs) {
        return new PostgresSchemaAssembler(database, catalog).assemble(collectorVersion, collectedAt, durationMs);
    }

    private DatabaseSchema assemble(String collectorVersion, Instant collectedAt, long durationMs) {
        List<DatabaseRow> databaseRows = catalog.rows(PostgresStage.DATABASE, DatabaseRow.class);
        List<RelationRow> relations = catalog.rows(PostgresStage.RELATIONS, RelationRow.class);
        ColumnNames names = new ColumnNames(catalog.rows(PostgresStage.COLUMNS, ColumnRow.class));
        List<ViewRow> viewRows = catalog.rows(PostgresStage.VIEWS, ViewRow.class);
        List<RoutineRow> routineRows = catalog.rows(PostgresStage.ROUTINES, RoutineRow.class);
        List<TriggerRow> triggerRows = catalog.rows(PostgresStage.TRIGGERS, TriggerRow.class);
        List<TypeRow> typeRows = catalog.rows(PostgresStage.TYPES, TypeRow.class);

        List<NamedConstraint> namedConstraints = nameConstraints(catalog.rows(PostgresStage.CONSTRAINTS, ConstraintRow.class), names);
        List<NamedIndex> namedIndexes = nameIndexes(catalog.rows(PostgresStage.INDEXES, IndexRow.class), names);
        List<Constraint> constraints = namedConstraints.stream().map(NamedConstraint::constraint).toList();
        List<Index> indexes = namedIndexes.stream().map(NamedIndex::index).toList();
        Map<Long, List<NamedConstraint>> constraintsByTable = groupBy(namedConstraints, named -> named.row().tableOid());
        Map<Long, List<Index>> indexesByTable = namedIndexes.stream().collect(Collectors.groupingBy(NamedIndex::tableOid,
                LinkedHashMap::new, Collectors.mapping(NamedIndex::index, Collectors.toList())));

        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        Map<TableReference, String> definitions = viewRows.stream()
                .collect(Collectors.toMap(row -> new TableReference(row.schema(), row.name()), row -> row.definition() == null ? "" : row.definition()));
        boolean columnsRead = catalog.read(PostgresStage.COLUMNS);
        int unreadable = 0;
        for (RelationRow relation : relations) {
            List<ColumnRow> columns = names.columnsOf(relation.oid());
            if (!relation.readable() && !isView(relation)) {
                unreadable++;
            }
            if (isView(relation)) {
                views.add(new View(relation.name(), relation.schema(), definitions.get(new TableReference(relation.schema(), relation.name())),
                        columns(columns, Set.of()), relation.comment(), relation.relkind().equals("m")));
            } else if (columns.isEmpty()) {
                if (columnsRead) {
                    warnings.add("Table " + relation.schema() + "." + relation.name()
                            + " has no columns, which the v1.0 format cannot describe: it is left out");
                }
            } else {
                tables.add(table(relation, columns, constraintsByTable.getOrDefault(relation.oid(), List.of()),
                        indexesByTable.getOrDefault(relation.oid(), List.of())));
            }
        }
        if (!columnsRead && !relations.isEmpty()) {
            warnings.add("The columns could not be read, so no table can be described (the v1.0 format needs columns): "
                    + relations.size() + " relation(s) are left out");
        }
        if (unreadable > 0) {
            warnings.add("The collecting role may not read the rows of " + unreadable + " table(s) (no SELECT privilege)");
        }

        List<Routine> procedures = routineRows.stream().filter(row -> row.kind().equals("p")).map(PostgresSchemaAssembler::routine).toList();
        List<Routine> functions = routineRows.stream().filter(row -> row.kind().equals("f")).map(PostgresSchemaAssembler::routine).toList();
        List<Trigger> triggers = triggerRows.stream().map(PostgresSchemaAssembler::trigger).toList();
        List<CustomType> customTypes = typeRows.stream().map(PostgresSchemaAssembler::customType).toList();

        List<ObjectFailure> objectFailures = catalog.stages().objectFailures();
        boolean permissionProblem = objectFailures.stream().anyMatch(failure -> failure.errorCategory() == ErrorCategory.PERMISSION);
        DatabaseRow row = databaseRows.isEmpty() ? null : databaseRows.get(0);
        DatabaseInfo info = new DatabaseInfo(database,
                row == null ? null : row.serverVersion(),
                row == null ? null : row.sizeBytes(),
                row == null ? null : row.encoding(),
                row == null ? null : row.collation(),
                row == null ? null : row.owner(),
                row != null && (row.isTemplate() || PostgresAdapter.TEMPLATE_DATABASES.contains(database)),
                unreadable > 0 || permissionProblem ? AccessLevel.LIMITED : AccessLevel.FULL,
                CollectionStatus.SUCCESS);
        return new DatabaseSchema(DatabaseSchema.FORMAT_VERSION, info, tables, views, indexes, constraints, procedures, functions,
                triggers, customTypes, null,
                new CollectionMetadata(collectedAt, durationMs, collectorVersion, warnings, objectFailures), List.of(), List.of(),
                PostgresAccessAssembler.assemble(catalog));
    }

    private static boolean isView(RelationRow relation) {
        return relation.relkind().equals("v") || relation.relkind().equals("m");
    }

    private static Table table(RelationRow relation, List<ColumnRow> columns, List<NamedConstraint> constraints, List<Index> indexes) {
        NamedConstraint primary = constraints.stream().filter(named -> named.row().type().equals("p")).findFirst().orElse(null);
        Set<String> keyColumns = primary == null ? Set.of() : new HashSet<>(primary.columns());
        PrimaryKey primaryKey = primary == null ? null : new PrimaryKey(primary.row().name(), primary.columns());
        List<ForeignKey> foreignKeys = constraints.stream().filter(named -> named.row().type().equals("f"))
                .map(named -> new ForeignKey(named.row().name(), named.columns(), named.row().referencedTable(),
                        named.row().referencedSchema(), named.referencedColumns(), action(named.row().onDelete()),
                        action(named.row().onUpdate())))
                .toList();
        TableReference parent = relation.parentName() == null ? null : new TableReference(relation.parentSchema(), relation.parentName());
        return new Table(relation.name(), relation.schema(), columns(columns, keyColumns), primaryKey, foreignKeys, indexes,
                constraints.stream().map(NamedConstraint::constraint).toList(), relation.comment(), relation.rowEstimate(),
                kind(relation.relkind()), parent);
    }

    /** A constraint whose attribute numbers have been named. */
    private record NamedConstraint(ConstraintRow row, List<String> columns, List<String> referencedColumns) {

        Constraint constraint() {
            ConstraintType type = switch (row.type()) {
                case "p" -> ConstraintType.PRIMARY_KEY;
                case "f" -> ConstraintType.FOREIGN_KEY;
                case "u" -> ConstraintType.UNIQUE;
                case "c" -> ConstraintType.CHECK;
                case "x" -> ConstraintType.EXCLUSION;
                default -> throw new IllegalStateException("Unexpected constraint type " + row.type());
            };
            return new Constraint(row.name(), row.tableName(), row.schema(), type, columns, row.clause());
        }
    }

    private record NamedIndex(long tableOid, Index index) {
    }

    private List<NamedConstraint> nameConstraints(List<ConstraintRow> rows, ColumnNames names) {
        List<NamedConstraint> named = new ArrayList<>(rows.size());
        int unnamed = 0;
        for (ConstraintRow row : rows) {
            Optional<List<String>> columns = names.names(row.tableOid(), row.columnNumbers());
            Optional<List<String>> referenced = row.referencedColumnNames() != null
                    ? Optional.of(row.referencedColumnNames())
                    : names.names(row.referencedOid(), row.referencedColumnNumbers());
            if (columns.isPresent() && referenced.isPresent()) {
                named.add(new NamedConstraint(row, columns.get(), referenced.get()));
            } else {
                unnamed++;
            }
        }
        if (unnamed > 0) {
            warnings.add(unnamed + " constraint(s) are left out because their columns could not be named");
        }
        return named;
    }

    private List<NamedIndex> nameIndexes(List<IndexRow> rows, ColumnNames names) {
        List<NamedIndex> named = new ArrayList<>(rows.size());
        int unnamed = 0;
        for (IndexRow row : rows) {
            List<IndexColumn> columns = new ArrayList<>(row.keys().size());
            for (IndexKeyRow key : row.keys()) {
                boolean expression = key.columnNumber() == 0;
                String name = key.definition() != null && expression ? key.definition()
                        : names.names(row.tableOid(), List.of(key.columnNumber())).map(list -> list.get(0)).orElse(null);
                if (name == null) {
                    break;
                }
                SortOrder order = key.isKey() && row.ordered() ? (key.isDescending() ? SortOrder.DESCENDING : SortOrder.ASCENDING) : null;
                columns.add(new IndexColumn(name, order, expression ? name : null));
            }
            if (columns.size() == row.keys().size()) {
                named.add(new NamedIndex(row.tableOid(), new Index(row.name(), row.tableName(), row.schema(), columns, row.isUnique(),
                        row.isPrimary(), row.method(), row.predicate())));
            } else {
                unnamed++;
            }
        }
        if (unnamed > 0) {
            warnings.add(unnamed + " index(es) are left out because their columns could not be named");
        }
        return named;
    }

    private static TableKind kind(String relkind) {
        return switch (relkind) {
            case "p" -> TableKind.PARTITIONED_TABLE;
            case "f" -> TableKind.FOREIGN_TABLE;
            default -> TableKind.TABLE;
        };
    }

    private static List<Column> columns(List<ColumnRow> rows, Set<String> keyColumns) {
        return rows.stream().map(column -> column(column, keyColumns.contains(column.name()))).toList();
    }

    private static Column column(ColumnRow row, boolean inPrimaryKey) {
        boolean identity = row.identity() != null && !row.identity().isBlank();
        boolean serial = row.defaultValue() != null && row.defaultValue().startsWith("nextval(");
        return new Column(row.name(), PostgresTypeMapper.map(row.type(), row.dimensions()), !row.notNull(), inPrimaryKey,
                identity || serial, defaultClause(row), row.comment(), row.position(), row.type().nativeType());
    }

    /** The column's default as its DDL would state it: an expression, a generation expression, or an identity. */
    private static String defaultClause(ColumnRow row) {
        if ("s".equals(row.generated())) {
            return "GENERATED ALWAYS AS (" + row.defaultValue() + ") STORED";
        }
        if ("v".equals(row.generated())) {
            return "GENERATED ALWAYS AS (" + row.defaultValue() + ") VIRTUAL";
        }
        if ("a".equals(row.identity())) {
            return "GENERATED ALWAYS AS IDENTITY";
        }
        if ("d".equals(row.identity())) {
            return "GENERATED BY DEFAULT AS IDENTITY";
        }
        return row.defaultValue();
    }

    private static ReferentialAction action(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "a" -> ReferentialAction.NO_ACTION;
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> null;
        };
    }

    private static Routine routine(RoutineRow row) {
        List<Parameter> parameters = row.parameters().stream()
                .map(parameter -> new Parameter(parameter.name(), PostgresTypeMapper.map(parameter.type()), direction(parameter.mode()),
                        parameter.defaultValue(), parameter.type().nativeType()))
                .toList();
        UnifiedDataType returnType = row.returnType() == null || "void".equals(row.returnType().name()) && row.returnType().builtin()
                ? null : PostgresTypeMapper.map(row.returnType());
        return new Routine(row.name(), row.schema(), row.definition(), parameters, returnType, row.language(), row.comment(),
                row.kind().equals("p") ? null : row.result());
    }

    private static ParameterDirection direction(String mode) {
        return switch (mode) {
            case "o", "t" -> ParameterDirection.OUT;
            case "b" -> ParameterDirection.IN_OUT;
            default -> ParameterDirection.IN;
        };
    }

    /** pg_trigger.tgtype bits: 1 row, 2 before, 4 insert, 8 delete, 16 update, 32 truncate, 64 instead of. */
    private static Trigger trigger(TriggerRow row) {
        int bits = row.typeBits();
        List<TriggerEvent> events = new ArrayList<>();
        if ((bits & 4) != 0) {
            events.add(TriggerEvent.INSERT);
        }
        if ((bits & 16) != 0) {
            events.add(TriggerEvent.UPDATE);
        }
        if ((bits & 8) != 0) {
            events.add(TriggerEvent.DELETE);
        }
        if ((bits & 32) != 0) {
            events.add(TriggerEvent.TRUNCATE);
        }
        TriggerTiming timing = (bits & 64) != 0 ? TriggerTiming.INSTEAD_OF : (bits & 2) != 0 ? TriggerTiming.BEFORE : TriggerTiming.AFTER;
        return new Trigger(row.name(), row.tableName(), row.schema(), events.get(0), timing, row.definition(), events);
    }

    private static CustomType customType(TypeRow row) {
        return switch (row.kind()) {
            case "e" -> new CustomType(row.name(), row.schema(),
                    "ENUM (" + row.labels().stream().map(PostgresIdentifiers::literal).collect(Collectors.joining(", ")) + ")",
                    TypeCategory.ENUM, row.labels(), null, List.of());
            case "d" -> new CustomType(row.name(), row.schema(), domainDefinition(row), TypeCategory.DOMAIN, List.of(), row.baseType(), List.of());
            case "r" -> new CustomType(row.name(), row.schema(), "RANGE (subtype = " + row.subtype() + ")", TypeCategory.RANGE,
                    List.of(), null, List.of());
            default -> {
                List<CompositeAttribute> attributes = row.attributes().stream()
                        .map(attribute -> new CompositeAttribute(attribute.name(), PostgresTypeMapper.map(attribute.type()),
                                attribute.type().nativeType()))
                        .toList();
                String definition = attributes.stream()
                        .map(attribute -> PostgresIdentifiers.quote(attribute.name()) + " " + attribute.nativeType())
                        .collect(Collectors.joining(", ", "(", ")"));
                yield new CustomType(row.name(), row.schema(), definition, TypeCategory.COMPOSITE, List.of(), null, attributes);
            }
        };
    }

    private static String domainDefinition(TypeRow row) {
        StringBuilder definition = new StringBuilder(row.baseType());
        if (row.notNull()) {
            definition.append(" NOT NULL");
        }
        if (row.defaultValue() != null) {
            definition.append(" DEFAULT ").append(row.defaultValue());
        }
        row.checks().forEach(check -> definition.append(' ').append(check));
        return definition.toString();
    }

    private static <K, V> Map<K, List<V>> groupBy(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }
}
