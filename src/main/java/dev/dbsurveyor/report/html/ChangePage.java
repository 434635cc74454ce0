package dev.dbsurveyor.report.html;

import java.util.List;

/**
 * One database's page of a change document: how it differs, and each object change with the
 * fields that changed, old beside new. {@code entries} are what the search box finds on it.
 */
public record ChangePage(String name, String line, List<Row> objects, List<SearchIndex.Entry> entries) {

    /** One object change; {@code change} is {@code added}, {@code removed}, {@code changed} or {@code unknown}. */
    public record Row(String anchor, String kind, String sign, String change, String name, String note, List<Field> fields) {
    }

    /** One field of a changed object, old and new as text. */
    public record Field(String field, String oldValue, String newValue) {
    }
}
