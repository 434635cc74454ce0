package dev.dbsurveyor.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dbsurveyor.io.StoredDatabase;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.report.ErDiagrams;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The search box's data, written as databases stream by: shards of {@value #SHARD} databases
 * ({@code data/search-N.js}), each a list of {@code [database, page, [[table, anchor, [column, …]], …]]},
 * and {@code data/search.js} with the number of shards. The script loads shards only when someone
 * searches, one after another, so a site of 10,000 databases opens as fast as one of ten.
 */
final class SearchIndex implements AutoCloseable {

    static final int SHARD = 250;

    private final Path data;
    private DataScript shard;
    private int shards;
    private int inShard;

    SearchIndex(Path data) {
        this.data = data;
    }

    /** One searchable object of a database: its name, its element's id on the database's page, and its columns' names. */
    record Entry(String name, String anchor, List<String> columns) {
    }

    /** The entries of a collected database: its tables and their columns. */
    static List<Entry> entries(StoredDatabase database) {
        if (!(database instanceof StoredDatabase.Collected collected)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        List<Table> tables = collected.schema().tables();
        for (int i = 0; i < tables.size(); i++) {
            entries.add(new Entry(ErDiagrams.qualified(tables.get(i)), DatabasePages.anchor(i),
                    tables.get(i).columns().stream().map(Column::name).toList()));
        }
        return entries;
    }

    void add(String database, String href, List<Entry> entries) throws IOException {
        if (shard == null) {
            shard = DataScript.open(data.resolve("search-" + shards + ".js"), "dbsurveyorSearch" + shards);
            shard.json().writeStartArray();
            shards++;
        }
        JsonGenerator json = shard.json();
        json.writeStartArray();
        json.writeString(database);
        json.writeString(href);
        json.writeStartArray();
        for (Entry entry : entries) {
            json.writeStartArray();
            json.writeString(entry.name());
            json.writeString(entry.anchor());
            json.writeStartArray();
            for (String column : entry.columns()) {
                json.writeString(column);
            }
            json.writeEndArray();
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndArray();
        if (++inShard == SHARD) {
            closeShard();
        }
    }

    private void closeShard() throws IOException {
        shard.json().writeEndArray();
        shard.close();
        shard = null;
        inShard = 0;
    }

    @Override
    public void close() throws IOException {
        if (shard != null) {
            closeShard();
        }
        try (DataScript count = DataScript.open(data.resolve("search.js"), "dbsurveyorSearchShards")) {
            count.json().writeNumber(shards);
        }
    }
}
