package dev.dbsurveyor.adapter.sqlite;

import dev.dbsurveyor.model.TriggerEvent;
import dev.dbsurveyor.model.TriggerTiming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What SQLite keeps only in the text of its {@code CREATE} statements, read from
 * {@code sqlite_schema.sql}: constraint names, check expressions, generation expressions,
 * {@code AUTOINCREMENT}, table options, index key expressions and predicates, trigger timing and
 * events, view bodies and virtual-table modules. Everything the {@code PRAGMA}s tell is taken from
 * them instead; the text fills in only what they leave out.
 */
final class SqliteDefinitions {

    private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");
    private static final Set<String> COLUMN_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT",
            "COLLATE", "REFERENCES", "GENERATED", "AS");

    private SqliteDefinitions() {
    }

    /** A check constraint: {@code columns} holds the column of a column constraint, nothing for a table constraint. */
    record Check(String name, String clause, List<String> columns) {
    }

    /** A unique constraint or a foreign key as declared: its name, if given, and its columns. */
    record Declared(String name, List<String> columns, String referencedTable) {
    }

    /** A generated column's expression and whether it is stored. */
    record Generated(String expression, boolean stored) {
    }

    /** What a {@code CREATE TABLE} statement says beyond the PRAGMAs. */
    record TableDefinition(String primaryKeyName, boolean autoincrement, List<Check> checks, List<Declared> uniques,
                           List<Declared> foreignKeys, Map<String, Generated> generated, List<String> options) {

        static final TableDefinition EMPTY = new TableDefinition(null, false, List.of(), List.of(), List.of(), Map.of(), List.of());

        /** The generation of the column named {@code column}, compared as SQLite compares names (ASCII case ignored). */
        Optional<Generated> generatedColumn(String column) {
            return generated.entrySet().stream().filter(entry -> SqliteNames.same(entry.getKey(), column)).map(Map.Entry::getValue)
                    .findFirst();
        }
    }

    /** A {@code CREATE INDEX} statement's keys as written (one per key, without ASC or DESC) and its WHERE. */
    record IndexDefinition(List<String> keys, String predicate) {

        static final IndexDefinition EMPTY = new IndexDefinition(List.of(), null);
    }

    /** A trigger's timing and event. */
    record TriggerDefinition(TriggerTiming timing, TriggerEvent event) {
    }

    static TableDefinition table(String sql) {
        if (sql == null) {
            return TableDefinition.EMPTY;
        }
        SqlTokens tokens = SqlTokens.of(sql);
        int open = tokens.findOpening(0, tokens.size());
        if (open < 0 || tokens.findKeyword(0, open, "AS") >= 0 || tokens.findKeyword(0, open, "VIRTUAL") >= 0) {
            return TableDefinition.EMPTY;
        }
        int close = tokens.closingParenthesis(open);
        TableParts parts = new TableParts();
        for (int[] item : tokens.splitByCommas(open + 1, close)) {
            if (TABLE_CONSTRAINTS.contains(tokens.keyword(item[0]))) {
                parts.tableConstraint(tokens, item[0], item[1]);
            } else if (item[0] < item[1]) {
                parts.column(tokens, item[0], item[1]);
            }
        }
        List<String> options = new ArrayList<>();
        for (int i = close + 1; i < tokens.size(); i++) {
            if (tokens.is(i, "WITHOUT") && tokens.is(i + 1, "ROWID")) {
                options.add("WITHOUT ROWID");
                i++;
            } else if (tokens.is(i, "STRICT")) {
                options.add("STRICT");
            }
        }
        return new TableDefinition(parts.primaryKeyName, parts.autoincrement, List.copyOf(parts.checks), List.copyOf(parts.uniques),
                List.copyOf(parts.foreignKeys), Map.copyOf(parts.generated), List.copyOf(options));
    }

    /** The parts of a table's definition, gathered item by item. */
    private static final class TableParts {
        private String primaryKeyName;
        private boolean autoincrement;
        private final List<Check> checks = new ArrayList<>();
        private final List<Declared> uniques = new ArrayList<>();
        private final List<Declared> foreignKeys = new ArrayList<>();
        private final Map<String, Generated> generated = new LinkedHashMap<>();

        void tableConstraint(SqlTokens tokens, int from, int to) {
            String name = null;
            int i = from;
            if (tokens.is(i, "CONSTRAINT") && i + 1 < to) {
                name = tokens.name(i + 1);
                i += 2;
            }
            int open = tokens.findOpening(i, to);
            if (open < 0) {
                return;
            }
            int close = tokens.closingParenthesis(open);
            switch (tokens.keyword(i)) {
                case "PRIMARY" -> primaryKeyName = name;
                case "UNIQUE" -> uniques.add(new Declared(name, tokens.names(open), null));
                case "CHECK" -> checks.add(new Check(name, tokens.text(open + 1, close), List.of()));
                case "FOREIGN" -> {
                    int references = tokens.findKeyword(close + 1, to, "REFERENCES");
                    if (references >= 0 && references + 1 < to) {
                        foreignKeys.add(new Declared(name, tokens.names(open), tokens.name(references + 1)));
                    }
                }
                default -> {
                }
            }
        }

        void column(SqlTokens tokens, int from, int to) {
            String column = tokens.name(from);
            String pending = null;
            int i = from + 1;
            while (i < to) {
                String keyword = tokens.keyword(i);
                if (tokens.isPunct(i, "(")) {
                    i = tokens.closingParenthesis(i) + 1;
                    continue;
                }
                switch (keyword) {
                    case "CONSTRAINT" -> {
                        pending = i + 1 < to ? tokens.name(i + 1) : null;
                        i += 2;
                        continue;
                    }
                    case "PRIMARY" -> {
                        primaryKeyName = pending;
                        int end = nextConstraint(tokens, i + 2, to);
                        for (int k = i; k < end; k++) {
                            autoincrement |= tokens.is(k, "AUTOINCREMENT");
                        }
                        pending = null;
                        i = end;
                        continue;
                    }
                    case "UNIQUE" -> uniques.add(new Declared(pending, List.of(column), null));
                    case "CHECK" -> {
                        int open = tokens.findOpening(i, to);
                        if (open >= 0) {
                            int close = tokens.closingParenthesis(open);
                            checks.add(new Check(pending, tokens.text(open + 1, close), List.of(column)));
                            i = close + 1;
                            pending = null;
                            continue;
                        }
                    }
                    case "REFERENCES" -> {
                        if (i + 1 < to) {
                            foreignKeys.add(new Declared(pending, List.of(column), tokens.name(i + 1)));
                        }
                    }
                    case "GENERATED", "AS" -> {
                        int open = tokens.findOpening(i, to);
                        if (open >= 0) {
                            int close = tokens.closingParenthesis(open);
                            boolean stored = tokens.is(close + 1, "STORED") && close + 1 < to;
                            generated.put(column, new Generated(tokens.text(open + 1, close), stored));
                            i = close + 1;
                            pending = null;
                            continue;
                        }
                    }
                    default -> {
                        i++;
                        continue;
                    }
                }
                pending = null;
                i++;
            }
        }

        private static int nextConstraint(SqlTokens tokens, int from, int to) {
            for (int i = from; i < to; i++) {
                if (tokens.isPunct(i, "(")) {
                    i = tokens.closingParenthesis(i);
                } else if (COLUMN_CONSTRAINTS.contains(tokens.keyword(i))) {
                    return i;
                }
            }
            return to;
        }
    }

    static IndexDefinition index(String sql) {
        if (sql == null) {
            return IndexDefinition.EMPTY;
        }
        SqlTokens tokens = SqlTokens.of(sql);
        int on = tokens.findKeyword(0, tokens.size(), "ON");
        int open = on < 0 ? -1 : tokens.findOpening(on, tokens.size());
        if (open < 0) {
            return IndexDefinition.EMPTY;
        }
        int close = tokens.closingParenthesis(open);
        List<String> keys = new ArrayList<>();
        for (int[] item : tokens.splitByCommas(open + 1, close)) {
            int end = item[1];
            if (end - 1 > item[0] && (tokens.is(end - 1, "ASC") || tokens.is(end - 1, "DESC"))) {
                end--;
            }
            keys.add(tokens.text(item[0], end));
        }
        String predicate = tokens.is(close + 1, "WHERE") ? tokens.text(close + 2, tokens.size()) : null;
        return new IndexDefinition(List.copyOf(keys), predicate == null || predicate.isEmpty() ? null : predicate);
    }

    static Optional<TriggerDefinition> trigger(String sql) {
        if (sql == null) {
            return Optional.empty();
        }
        SqlTokens tokens = SqlTokens.of(sql);
        int start = tokens.findKeyword(0, tokens.size(), "TRIGGER");
        int on = start < 0 ? -1 : tokens.findKeyword(start + 2, tokens.size(), "ON");
        if (on < 0) {
            return Optional.empty();
        }
        TriggerTiming timing = TriggerTiming.BEFORE;
        TriggerEvent event = null;
        for (int i = start + 1; i < on; i++) {
            if (tokens.get(i).kind() != SqlTokens.Kind.WORD) {
                continue;
            }
            switch (tokens.keyword(i)) {
                case "BEFORE" -> timing = TriggerTiming.BEFORE;
                case "AFTER" -> timing = TriggerTiming.AFTER;
                case "INSTEAD" -> timing = TriggerTiming.INSTEAD_OF;
                case "INSERT" -> event = event == null ? TriggerEvent.INSERT : event;
                case "UPDATE" -> event = event == null ? TriggerEvent.UPDATE : event;
                case "DELETE" -> event = event == null ? TriggerEvent.DELETE : event;
                default -> {
                }
            }
        }
        return event == null ? Optional.empty() : Optional.of(new TriggerDefinition(timing, event));
    }

    /** A view's query, the text after its top-level {@code AS}; the whole statement when there is none. */
    static String viewQuery(String sql) {
        if (sql == null) {
            return null;
        }
        SqlTokens tokens = SqlTokens.of(sql);
        int as = tokens.findKeyword(0, tokens.size(), "AS");
        return as < 0 ? sql : tokens.text(as + 1, tokens.size());
    }

    /** The module of a {@code CREATE VIRTUAL TABLE … USING module(…)} statement. */
    static Optional<String> virtualModule(String sql) {
        if (sql == null) {
            return Optional.empty();
        }
        SqlTokens tokens = SqlTokens.of(sql);
        if (tokens.findKeyword(0, Math.min(3, tokens.size()), "VIRTUAL") < 0) {
            return Optional.empty();
        }
        int using = tokens.findKeyword(0, tokens.size(), "USING");
        return using < 0 || using + 1 >= tokens.size() ? Optional.empty() : Optional.of(tokens.name(using + 1));
    }
}
