package dev.dbsurveyor.adapter.sqlite;

import dev.dbsurveyor.adapter.SqlResources;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.ColumnRow;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.FileRow;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.ForeignKeyRow;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.IndexColumnRow;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.IndexRow;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.ObjectRow;
import dev.dbsurveyor.adapter.sqlite.SqliteCatalog.TableRow;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.model.ObjectType;
import dev.dbsurveyor.retry.ErrorClassifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a SQLite file's catalog in one read transaction, so that the document is one consistent
 * snapshot: one query per PRAGMA over every table at once, whatever the number of tables. When
 * such a query fails for one object (a virtual table whose module this SQLite lacks, a view over a
 * table that is gone), the PRAGMA is read object by object and only the objects that still fail
 * are listed as failures. An error that a retry may heal (the file busy or locked) ends the read.
 */
final class SqliteCatalogReader {

    private static final String OBJECTS = SqlResources.load(SqliteCatalogReader.class, "objects.sql");
    private static final String TABLES = SqlResources.load(SqliteCatalogReader.class, "tables.sql");
    private static final String FILE = SqlResources.load(SqliteCatalogReader.class, "file.sql");
    private static final String STATISTICS = SqlResources.load(SqliteCatalogReader.class, "statistics.sql");
    private static final Pragma COLUMNS = new Pragma("columns", ObjectType.TABLE, CollectionStage.COLLECT_COLUMNS);
    private static final Pragma FOREIGN_KEYS = new Pragma("foreign_keys", ObjectType.CONSTRAINT, CollectionStage.COLLECT_CONSTRAINTS);
    private static final Pragma INDEXES = new Pragma("indexes", ObjectType.INDEX, CollectionStage.COLLECT_INDEXES);
    private static final Pragma INDEX_COLUMNS = new Pragma("index_columns", ObjectType.INDEX, CollectionStage.COLLECT_INDEXES);

    /** A PRAGMA read for every object at once ({@code file}.sql) or for one ({@code file}_of.sql). */
    private record Pragma(String all, String one, ObjectType objectType, CollectionStage stage) {
        Pragma(String file, ObjectType objectType, CollectionStage stage) {
            this(SqlResources.load(SqliteCatalogReader.class, file + ".sql"), SqlResources.load(SqliteCatalogReader.class, file + "_of.sql"),
                    objectType, stage);
        }
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final Duration limit;
    private final List<ObjectFailure> failures = new ArrayList<>();
    /** Whether each object is a table or a view, for the failures of the column PRAGMA, which reads both. */
    private Map<String, ObjectType> objectTypes = Map.of();

    private SqliteCatalogReader(Connection connection, Duration limit) {
        this.connection = connection;
        this.limit = limit;
    }

    /** The catalog of the file {@code connection} has open, read in one transaction that is ended before returning. */
    static SqliteCatalog read(Connection connection, Duration limit) throws SQLException {
        connection.setAutoCommit(false);
        try {
            SqliteCatalog catalog = new SqliteCatalogReader(connection, limit).read();
            connection.commit();
            return catalog;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private SqliteCatalog read() throws SQLException {
        List<ObjectRow> objects = query(OBJECTS, row -> new ObjectRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
        FileRow file = query(FILE, row -> new FileRow(row.getString(1), row.getLong(2), row.getLong(3))).get(0);
        Map<String, TableRow> tables = new LinkedHashMap<>();
        for (TableRow table : query(TABLES, row -> new TableRow(row.getString(1), row.getString(2), row.getInt(3) != 0, row.getInt(4) != 0))) {
            tables.put(table.name(), table);
        }
        List<String> relations = objects.stream().filter(o -> o.type().equals("table") || o.type().equals("view")).map(ObjectRow::name).toList();
        List<String> plainTables = objects.stream().filter(o -> o.type().equals("table")).map(ObjectRow::name).toList();
        Map<String, ObjectType> types = new HashMap<>();
        objects.forEach(o -> types.put(o.name(), o.type().equals("view") ? ObjectType.VIEW : ObjectType.TABLE));
        this.objectTypes = types;
        Map<String, List<ColumnRow>> columns = perObject(COLUMNS, relations, row -> new ColumnRow(row.getInt(2), row.getString(3),
                row.getString(4), row.getInt(5) != 0, row.getString(6), row.getInt(7), row.getInt(8)));
        Map<String, List<ForeignKeyRow>> foreignKeys = perObject(FOREIGN_KEYS, plainTables, row -> new ForeignKeyRow(row.getInt(2),
                row.getInt(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8)));
        Map<String, List<IndexRow>> indexes = perObject(INDEXES, plainTables, row -> new IndexRow(row.getString(3), row.getInt(4) != 0,
                row.getString(5), row.getInt(6) != 0));
        Map<String, List<IndexColumnRow>> indexColumns = perObject(INDEX_COLUMNS, plainTables, row -> new IndexColumnRow(row.getString(2),
                row.getInt(3), row.getInt(4), row.getString(5), row.getInt(6) != 0, row.getInt(7) != 0));
        return new SqliteCatalog(file, objects, tables, columns, foreignKeys, indexes, indexColumns, rowEstimates(), List.copyOf(failures));
    }

    /** The row count {@code sqlite_stat1} holds for each table, when ANALYZE has left one. */
    private Map<String, Long> rowEstimates() throws SQLException {
        boolean analyzed = !query("SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'", row -> 1).isEmpty();
        Map<String, Long> estimates = new HashMap<>();
        if (!analyzed) {
            return estimates;
        }
        for (String[] stat : query(STATISTICS, row -> new String[] {row.getString(1), row.getString(3)})) {
            if (stat[0] == null || stat[1] == null) {
                continue;
            }
            String first = stat[1].strip().split("\\s+", 2)[0];
            if (first.matches("\\d{1,18}")) {
                estimates.merge(stat[0], Long.parseLong(first), Math::max);
            }
        }
        return estimates;
    }

    /**
     * The PRAGMA's rows keyed by object: in one query for all of them, or, when that fails for a
     * reason a retry would not heal, object by object, the objects that fail listed as failures.
     */
    private <T> Map<String, List<T>> perObject(Pragma pragma, List<String> objects, RowReader<T> reader) throws SQLException {
        Map<String, List<T>> rows = new LinkedHashMap<>();
        try {
            readInto(rows, connection.prepareStatement(pragma.all()), reader);
            return rows;
        } catch (SQLException e) {
            if (ErrorClassifier.classify(e).transientError()) {
                throw e;
            }
        }
        rows.clear();
        for (String object : objects) {
            try {
                PreparedStatement statement = connection.prepareStatement(pragma.one());
                statement.setString(1, object);
                readInto(rows, statement, reader);
            } catch (SQLException e) {
                if (ErrorClassifier.classify(e).transientError()) {
                    throw e;
                }
                rows.remove(object);
                ObjectType type = pragma == COLUMNS ? objectTypes.getOrDefault(object, ObjectType.TABLE) : pragma.objectType();
                failures.add(new ObjectFailure(type, object, "main", pragma.stage(), ErrorClassifier.classify(e).category(),
                        SqliteErrors.message(e), 0, null));
            }
        }
        return rows;
    }

    private <T> void readInto(Map<String, List<T>> rows, PreparedStatement statement, RowReader<T> reader) throws SQLException {
        try (statement; StatementDeadline deadline = StatementDeadline.of(statement, limit)) {
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.computeIfAbsent(result.getString(1), key -> new ArrayList<>()).add(reader.read(result));
                }
            }
        }
    }

    private <T> List<T> query(String sql, RowReader<T> reader) throws SQLException {
        try (Statement statement = connection.createStatement(); StatementDeadline deadline = StatementDeadline.of(statement, limit)) {
            try (ResultSet result = statement.executeQuery(sql)) {
                List<T> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(reader.read(result));
                }
                return rows;
            }
        }
    }
}
