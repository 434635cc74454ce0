package dev.dbsurveyor.report;

import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ForeignKey;
import dev.dbsurveyor.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ER diagrams of one database, drawn from its foreign keys so that each stays readable: the
 * whole database when it has at most {@value #MAX_TABLES} tables; otherwise one diagram per schema
 * of at most that many, and, for the tables of larger schemas, one diagram of each table's
 * neighbourhood (the tables its foreign keys join it to, both ways, at most {@value #MAX_TABLES}
 * in all). Names reach Mermaid only as quoted labels with every character outside a small safe set
 * replaced by {@code _}; entity identifiers are generated ({@code t0}, {@code t1}, …), so no name can
 * change the diagram's syntax. The page beside the diagram shows every exact name.
 */
public final class ErDiagrams {

    /** The most tables one diagram draws. */
    public static final int MAX_TABLES = 40;
    /** The most columns one entity lists; the rest are counted. */
    static final int MAX_COLUMNS = 15;

    private final DatabaseSchema schema;
    private final Map<String, Integer> byKey = new HashMap<>();
    private final List<Set<Integer>> neighbours = new ArrayList<>();

    private ErDiagrams(DatabaseSchema schema) {
        this.schema = schema;
        List<Table> tables = schema.tables();
        for (int i = 0; i < tables.size(); i++) {
            byKey.putIfAbsent(key(tables.get(i).schema(), tables.get(i).name()), i);
            neighbours.add(new LinkedHashSet<>());
        }
        for (int i = 0; i < tables.size(); i++) {
            for (ForeignKey foreignKey : tables.get(i).foreignKeys()) {
                Integer parent = referenced(tables.get(i), foreignKey);
                if (parent != null && parent != i) {
                    neighbours.get(i).add(parent);
                    neighbours.get(parent).add(i);
                }
            }
        }
    }

    /** The diagrams of {@code schema}, in the order above; none for a database without tables. */
    public static List<ErDiagram> of(DatabaseSchema schema) {
        return new ErDiagrams(schema).diagrams();
    }

    private List<ErDiagram> diagrams() {
        List<Table> tables = schema.tables();
        List<ErDiagram> diagrams = new ArrayList<>();
        if (tables.isEmpty()) {
            return diagrams;
        }
        if (tables.size() <= MAX_TABLES) {
            diagrams.add(diagram(ErDiagram.Scope.DATABASE, "All tables", -1, range(tables.size()), 0));
            return diagrams;
        }
        Map<String, List<Integer>> bySchema = new TreeMap<>();
        for (int i = 0; i < tables.size(); i++) {
            bySchema.computeIfAbsent(Objects.toString(tables.get(i).schema(), ""), ignored -> new ArrayList<>()).add(i);
        }
        List<Integer> crowded = new ArrayList<>();
        bySchema.forEach((name, members) -> {
            if (members.size() <= MAX_TABLES) {
                diagrams.add(diagram(ErDiagram.Scope.SCHEMA, "Schema " + (name.isEmpty() ? "(none)" : name), -1, members, 0));
            } else {
                crowded.addAll(members);
            }
        });
        for (int table : crowded) {
            List<Integer> members = new ArrayList<>();
            members.add(table);
            members.addAll(neighbours.get(table));
            int leftOut = Math.max(0, members.size() - MAX_TABLES);
            diagrams.add(diagram(ErDiagram.Scope.NEIGHBOURHOOD, "Neighbourhood of " + qualified(tables.get(table)), table,
                    members.subList(0, members.size() - leftOut), leftOut));
        }
        return diagrams;
    }

    private ErDiagram diagram(ErDiagram.Scope scope, String title, int focus, List<Integer> members, int leftOut) {
        List<Table> tables = schema.tables();
        Map<Integer, String> ids = new LinkedHashMap<>();
        members.forEach(member -> ids.put(member, "t" + member));
        StringBuilder source = new StringBuilder("erDiagram\n");
        for (Map.Entry<Integer, String> entry : ids.entrySet()) {
            Table table = tables.get(entry.getKey());
            source.append("  ").append(entry.getValue()).append("[\"").append(label(qualified(table))).append("\"] {\n");
            Set<String> foreign = new java.util.HashSet<>();
            table.foreignKeys().forEach(foreignKey -> foreign.addAll(foreignKey.columns()));
            List<Column> columns = table.columns();
            for (Column column : columns.subList(0, Math.min(columns.size(), MAX_COLUMNS))) {
                source.append("    ").append(typeToken(TypeLabels.of(column.dataType())))
                        .append(' ').append(token(column.name(), "column"));
                String keys = (column.isPrimaryKey() ? "PK" : "") + (foreign.contains(column.name()) ? (column.isPrimaryKey() ? ",FK" : "FK") : "");
                if (!keys.isEmpty()) {
                    source.append(' ').append(keys);
                }
                source.append('\n');
            }
            if (columns.size() > MAX_COLUMNS) {
                source.append("    more columns \"").append(columns.size() - MAX_COLUMNS).append(" more\"\n");
            }
            source.append("  }\n");
        }
        for (Map.Entry<Integer, String> entry : ids.entrySet()) {
            Table child = tables.get(entry.getKey());
            for (ForeignKey foreignKey : child.foreignKeys()) {
                Integer parent = referenced(child, foreignKey);
                if (parent == null || !ids.containsKey(parent)) {
                    continue;
                }
                boolean optional = child.columns().stream().filter(column -> foreignKey.columns().contains(column.name()))
                        .allMatch(Column::isNullable);
                source.append("  ").append(ids.get(parent)).append(optional ? " |o--o{ " : " ||--o{ ").append(entry.getValue())
                        .append(" : \"").append(label(Objects.toString(foreignKey.name(), "references"))).append("\"\n");
            }
        }
        return new ErDiagram(scope, title, focus, ids.size(), leftOut, source.toString());
    }

    private Integer referenced(Table child, ForeignKey foreignKey) {
        String referencedSchema = foreignKey.referencedSchema() != null ? foreignKey.referencedSchema() : child.schema();
        return byKey.get(key(referencedSchema, foreignKey.referencedTable()));
    }

    /** {@code schema.name}, or the name alone when the table has no schema. */
    public static String qualified(Table table) {
        return table.schema() == null || table.schema().isEmpty() ? table.name() : table.schema() + "." + table.name();
    }

    private static String key(String schema, String name) {
        return Objects.toString(schema, "") + "\u0000" + name;
    }

    private static List<Integer> range(int size) {
        List<Integer> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(i);
        }
        return all;
    }

    /** A label Mermaid shows as text: letters, digits, spaces and plain punctuation kept, the rest {@code _}. */
    static String label(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(point -> out.appendCodePoint(
                Character.isLetterOrDigit(point) || " ._-$@:/()[],+*=!?%".indexOf(point) >= 0 ? point : '_'));
        return out.toString();
    }

    /** An attribute's type as the ER grammar accepts it: as {@link #token}, with parentheses and brackets kept. */
    static String typeToken(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(c < 128 && (Character.isLetterOrDigit(c) || "_()[]".indexOf(c) >= 0) ? (char) c : '_'));
        if (out.length() == 0 || !Character.isLetter(out.charAt(0))) {
            out.insert(0, "type_");
        }
        return out.toString();
    }

    /** An attribute's type or name as the ER grammar accepts it: ASCII letters, digits and {@code _}, not starting with a digit. */
    static String token(String text, String fallback) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? (char) c : '_'));
        if (out.length() == 0 || !Character.isLetter(out.charAt(0))) {
            out.insert(0, fallback + "_");
        }
        return out.toString();
    }
}
