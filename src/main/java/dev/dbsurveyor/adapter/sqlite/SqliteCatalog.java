package dev.dbsurveyor.adapter.sqlite;

import dev.dbsurveyor.model.ObjectFailure;

import java.util.List;
import java.util.Map;

/**
 * What one read transaction of a SQLite file returned: its objects and the rows of each PRAGMA,
 * keyed by the table or view they belong to, and the objects whose PRAGMA failed.
 */
record SqliteCatalog(
        FileRow file,
        List<ObjectRow> objects,
        Map<String, TableRow> tables,
        Map<String, List<ColumnRow>> columns,
        Map<String, List<ForeignKeyRow>> foreignKeys,
        Map<String, List<IndexRow>> indexes,
        Map<String, List<IndexColumnRow>> indexColumns,
        Map<String, Long> rowEstimates,
        List<ObjectFailure> failures) {

    /** The file's text encoding and size. */
    record FileRow(String encoding, long pageCount, long pageSize) {
    }

    /** A row of {@code sqlite_schema}. */
    record ObjectRow(String type, String name, String tableName, String sql) {
    }

    /** A row of {@code PRAGMA table_list}: {@code type} is table, view, virtual or shadow. */
    record TableRow(String name, String type, boolean withoutRowid, boolean strict) {
    }

    /** A row of {@code PRAGMA table_xinfo}: {@code hidden} is 1 for a virtual table's hidden column, 2 and 3 for generated ones. */
    record ColumnRow(int cid, String name, String type, boolean notNull, String defaultValue, int pk, int hidden) {
    }

    /** A row of {@code PRAGMA foreign_key_list}; {@code to} is null where the key refers to the parent's primary key. */
    record ForeignKeyRow(int id, int seq, String table, String from, String to, String onUpdate, String onDelete) {
    }

    /** A row of {@code PRAGMA index_list}. */
    record IndexRow(String name, boolean unique, String origin, boolean partial) {
    }

    /** A row of {@code PRAGMA index_xinfo}; {@code name} is null for an expression ({@code cid} -2) or the rowid (-1). */
    record IndexColumnRow(String index, int seqno, int cid, String name, boolean descending, boolean key) {
    }
}
