package dev.dbsurveyor.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.io.StoredDatabase;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.CustomType;
import dev.dbsurveyor.model.DatabaseInfo;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ForeignKey;
import dev.dbsurveyor.model.Index;
import dev.dbsurveyor.model.IndexColumn;
import dev.dbsurveyor.model.Parameter;
import dev.dbsurveyor.model.Routine;
import dev.dbsurveyor.model.ScheduledEvent;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.TableSample;
import dev.dbsurveyor.model.Trigger;
import dev.dbsurveyor.model.View;
import dev.dbsurveyor.report.DatabaseSummary;
import dev.dbsurveyor.report.ErDiagram;
import dev.dbsurveyor.report.ErDiagrams;
import dev.dbsurveyor.report.TypeLabels;
import dev.dbsurveyor.sampling.SensitiveColumns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds a {@link DatabasePage} from one database of a collection. */
public final class DatabasePages {

    private final DatabaseSchema schema;
    private final Map<String, Integer> tableIndex = new HashMap<>();

    private DatabasePages(DatabaseSchema schema) {
        this.schema = schema;
        for (int i = 0; i < schema.tables().size(); i++) {
            tableIndex.putIfAbsent(key(schema.tables().get(i).schema(), schema.tables().get(i).name()), i);
        }
    }

    public static DatabasePage of(StoredDatabase database, DatabaseSummary summary) {
        if (database instanceof StoredDatabase.Collected collected) {
            return new DatabasePages(collected.schema()).page(summary);
        }
        return new DatabasePage(database.name(), summary.status(), summary.statusDetail(), false, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private DatabasePage page(DatabaseSummary summary) {
        List<ErDiagram> all = ErDiagrams.of(schema);
        Map<Integer, ErDiagram> neighbourhoods = new HashMap<>();
        List<ErDiagram> overview = new ArrayList<>();
        for (ErDiagram diagram : all) {
            if (diagram.scope() == ErDiagram.Scope.NEIGHBOURHOOD) {
                neighbourhoods.put(diagram.focus(), diagram);
            } else {
                overview.add(diagram);
            }
        }
        List<TableView> tables = new ArrayList<>();
        for (int i = 0; i < schema.tables().size(); i++) {
            tables.add(table(i, neighbourhoods.get(i)));
        }
        return new DatabasePage(summary.name(), summary.status(), summary.statusDetail(), true, facts(), 
                schema.collectionMetadata().objectFailures(), schema.collectionMetadata().warnings(), overview, tables, views(), routines(),
                others());
    }

    private List<Fact> facts() {
        DatabaseInfo info = schema.databaseInfo();
        List<Fact> facts = new ArrayList<>();
        add(facts, "Version", info.version());
        add(facts, "Size", info.sizeBytes() == null ? null : Sizes.of(info.sizeBytes()));
        add(facts, "Encoding", info.encoding());
        add(facts, "Collation", info.collation());
        add(facts, "Owner", info.owner());
        add(facts, "Access", Labels.of(info.accessLevel()));
        add(facts, "System database", info.isSystemDatabase() ? "yes" : null);
        add(facts, "Collected at", Objects.toString(schema.collectionMetadata().collectedAt(), null));
        add(facts, "Collection took", schema.collectionMetadata().collectionDurationMs() + " ms");
        add(facts, "Collector", schema.collectionMetadata().collectorVersion());
        return facts;
    }

    private TableView table(int index, ErDiagram diagram) {
        Table table = schema.tables().get(index);
        Set<String> foreign = new LinkedHashSet<>();
        table.foreignKeys().forEach(foreignKey -> foreign.addAll(foreignKey.columns()));
        Set<String> unique = new LinkedHashSet<>();
        Set<String> indexed = new LinkedHashSet<>();
        for (Index tableIndexEntry : table.indexes()) {
            for (IndexColumn column : tableIndexEntry.columns()) {
                (tableIndexEntry.isUnique() && !tableIndexEntry.isPrimary() ? unique : indexed).add(column.name());
            }
        }
        List<ColumnView> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            List<String> keys = new ArrayList<>();
            if (column.isPrimaryKey()) {
                keys.add("PK");
            }
            if (foreign.contains(column.name())) {
                keys.add("FK");
            }
            if (unique.contains(column.name())) {
                keys.add("UQ");
            }
            if (indexed.contains(column.name()) && !column.isPrimaryKey()) {
                keys.add("IX");
            }
            if (column.isAutoIncrement()) {
                keys.add("auto");
            }
            columns.add(new ColumnView(column.ordinalPosition(), column.name(), TypeLabels.of(column.dataType()),
                    Objects.toString(column.nativeType(), ""), column.isNullable(), column.defaultValue(), column.comment(), String.join(" ", keys)));
        }
        List<ForeignKeyView> foreignKeys = table.foreignKeys().stream().map(foreignKey -> foreignKey(table, foreignKey)).toList();
        Link partitionOf = table.partitionOf() == null ? null
                : link(table.partitionOf().schema(), table.partitionOf().name());
        List<Link> partitions = new ArrayList<>();
        for (Table other : schema.tables()) {
            if (other.partitionOf() != null && other.partitionOf().name().equals(table.name())
                    && Objects.equals(Objects.requireNonNullElse(other.partitionOf().schema(), other.schema()), table.schema())) {
                partitions.add(link(other.schema(), other.name()));
            }
        }
        return new TableView(anchor(index), table, ErDiagrams.qualified(table), kind(table), partitionOf, partitions, columns,
                foreignKeys, table.indexes(), table.constraints(), diagram, sample(table));
    }

    /** The table's kind, with the module of a virtual table and the declared storage options: "virtual table using fts5", "table, strict". */
    private static String kind(Table table) {
        StringBuilder kind = new StringBuilder(Labels.of(table.kind()));
        if (table.module() != null) {
            kind.append(" using ").append(table.module());
        }
        table.options().forEach(option -> kind.append(", ").append(option.toLowerCase(java.util.Locale.ROOT)));
        return kind.toString();
    }

    private ForeignKeyView foreignKey(Table table, ForeignKey foreignKey) {
        String referencedSchema = foreignKey.referencedSchema() != null ? foreignKey.referencedSchema() : table.schema();
        return new ForeignKeyView(Objects.toString(foreignKey.name(), ""), String.join(", ", foreignKey.columns()),
                link(referencedSchema, foreignKey.referencedTable()), String.join(", ", foreignKey.referencedColumns()),
                "on delete " + Labels.of(foreignKey.onDelete()) + ", on update " + Labels.of(foreignKey.onUpdate()));
    }

    private Link link(String tableSchema, String name) {
        String label = tableSchema == null || tableSchema.isEmpty() ? name : tableSchema + "." + name;
        Integer target = tableIndex.get(key(tableSchema, name));
        return new Link(label, target == null ? null : "#" + anchor(target));
    }

    private SampleView sample(Table table) {
        if (schema.samples() == null) {
            return null;
        }
        for (TableSample sample : schema.samples()) {
            if (sample.tableName().equals(table.name()) && Objects.equals(sample.schemaName(), table.schema())) {
                return sampleView(sample);
            }
        }
        return null;
    }

    private static SampleView sampleView(TableSample sample) {
        Set<String> columns = new LinkedHashSet<>();
        sample.rows().forEach(row -> row.fieldNames().forEachRemaining(columns::add));
        List<List<SampleView.Cell>> rows = new ArrayList<>();
        for (ObjectNode row : sample.rows()) {
            List<SampleView.Cell> cells = new ArrayList<>();
            for (String column : columns) {
                JsonNode value = row.get(column);
                if (value == null || value.isNull()) {
                    cells.add(new SampleView.Cell("NULL", false, true));
                } else if (value.isTextual()) {
                    cells.add(new SampleView.Cell(value.textValue(), SensitiveColumns.REDACTED.equals(value.textValue()), false));
                } else {
                    cells.add(new SampleView.Cell(value.toString(), false, false));
                }
            }
            rows.add(cells);
        }
        String description = sample.rows().size() + " of " + (sample.totalRows() == null ? "?" : sample.totalRows()) + " rows, "
                + Labels.of(sample.samplingStrategy()) + (sample.sampleStatus() == null ? "" : ", " + Labels.of(sample.sampleStatus()));
        return new SampleView(List.copyOf(columns), rows, description, sample.warnings());
    }

    private List<CodeView> views() {
        List<CodeView> views = new ArrayList<>();
        for (int i = 0; i < schema.views().size(); i++) {
            View view = schema.views().get(i);
            String columns = view.columns().stream().map(column -> column.name() + " " + TypeLabels.of(column.dataType()))
                    .collect(Collectors.joining(", "));
            List<Fact> facts = new ArrayList<>();
            add(facts, "Kind", view.isMaterialized() ? "materialized view" : "view");
            add(facts, "Columns", columns.isEmpty() ? null : columns);
            views.add(new CodeView("v-" + i, view.isMaterialized() ? "materialized view" : "view", qualified(view.schema(), view.name()),
                    facts, view.comment(), view.definition(), "sql"));
        }
        return views;
    }

    private List<CodeView> routines() {
        List<CodeView> routines = new ArrayList<>();
        addRoutines(routines, schema.functions(), "function", "f-");
        addRoutines(routines, schema.procedures(), "procedure", "p-");
        return routines;
    }

    private static void addRoutines(List<CodeView> into, List<Routine> routines, String kind, String prefix) {
        for (int i = 0; i < routines.size(); i++) {
            Routine routine = routines.get(i);
            String parameters = routine.parameters().stream().map(DatabasePages::parameter).collect(Collectors.joining(", "));
            List<Fact> facts = new ArrayList<>();
            add(facts, "Language", routine.language());
            add(facts, "Returns", routine.returnNativeType() != null ? routine.returnNativeType()
                    : routine.returnType() == null ? null : TypeLabels.of(routine.returnType()));
            into.add(new CodeView(prefix + i, kind, qualified(routine.schema(), routine.name()) + "(" + parameters + ")", facts,
                    routine.comment(), routine.definition(), codeLanguage(routine.language())));
        }
    }

    private static String parameter(Parameter parameter) {
        String type = parameter.nativeType() != null ? parameter.nativeType() : TypeLabels.of(parameter.dataType());
        String direction = Labels.of(parameter.direction());
        return (direction.equals("in") ? "" : direction + " ") + (parameter.name().isEmpty() ? "" : parameter.name() + " ") + type;
    }

    private List<CodeView> others() {
        List<CodeView> others = new ArrayList<>();
        List<Trigger> triggers = schema.allTriggers();
        for (int i = 0; i < triggers.size(); i++) {
            Trigger trigger = triggers.get(i);
            List<Fact> facts = new ArrayList<>();
            add(facts, "Table", qualified(trigger.schema(), trigger.tableName()));
            add(facts, "Fires", Labels.of(trigger.timing()) + " " + (trigger.events().isEmpty() ? Labels.of(trigger.event())
                    : trigger.events().stream().map(Labels::of).collect(Collectors.joining(", "))));
            others.add(new CodeView("tr-" + i, "trigger", trigger.name(), facts, null, trigger.definition(), "sql"));
        }
        for (int i = 0; i < schema.customTypes().size(); i++) {
            CustomType type = schema.customTypes().get(i);
            List<Fact> facts = new ArrayList<>();
            add(facts, "Category", Labels.of(type.category()));
            add(facts, "Labels", type.enumLabels().isEmpty() ? null : String.join(", ", type.enumLabels()));
            add(facts, "Base type", type.baseType());
            add(facts, "Attributes", type.attributes().isEmpty() ? null : type.attributes().stream()
                    .map(attribute -> attribute.name() + " " + Objects.toString(attribute.nativeType(), TypeLabels.of(attribute.dataType())))
                    .collect(Collectors.joining(", ")));
            others.add(new CodeView("ty-" + i, "type", qualified(type.schema(), type.name()), facts, null, type.definition(), "sql"));
        }
        for (int i = 0; i < schema.events().size(); i++) {
            ScheduledEvent event = schema.events().get(i);
            List<Fact> facts = new ArrayList<>();
            add(facts, "Schedule", event.schedule());
            add(facts, "Status", event.status());
            others.add(new CodeView("ev-" + i, "event", qualified(event.schema(), event.name()), facts, event.comment(), event.definition(), "sql"));
        }
        return others;
    }

    private static String codeLanguage(String language) {
        String lower = language == null ? "sql" : language.toLowerCase(Locale.ROOT);
        return lower.equals("sql") || lower.equals("plpgsql") ? "sql" : "plaintext";
    }

    static String anchor(int table) {
        return "t-" + table;
    }

    private static String qualified(String objectSchema, String name) {
        return objectSchema == null || objectSchema.isEmpty() ? name : objectSchema + "." + name;
    }

    private static String key(String objectSchema, String name) {
        return Objects.toString(objectSchema, "") + "\u0000" + name;
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isEmpty()) {
            facts.add(new Fact(label, value));
        }
    }
}
