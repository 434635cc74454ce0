package dev.dbsurveyor.adapter.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.TableKind;
import dev.dbsurveyor.sampling.OrderingStrategy;
import dev.dbsurveyor.sampling.SampleQuery;
import dev.dbsurveyor.sampling.SampleSource;
import dev.dbsurveyor.sampling.SampleValues;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sample rows of one SQLite file's tables, read on the adapter's own threads in a read
 * transaction of one SELECT. A table without a key to order by is read newest first by its rowid
 * (the order SQLite assigns rows in), not at random; values are written as SQLite stores them
 * (integer, real, text or blob), whatever the column declares.
 */
final class SqliteSampleSource implements SampleSource {

    private final Connection connection;
    private final Scheduler scheduler;
    private final Duration limit;

    SqliteSampleSource(Connection connection, Scheduler scheduler, Duration limit) {
        this.connection = connection;
        this.scheduler = scheduler;
        this.limit = limit;
    }

    @Override
    public Flux<ObjectNode> read(SampleQuery query) {
        return Mono.fromCallable(() -> rows(query)).subscribeOn(scheduler).flatMapIterable(rows -> rows);
    }

    @Override
    public Optional<String> randomCaveat(SampleQuery query) {
        return byRowid(query)
                ? Optional.of("no key to order by: the rows with the highest rowid, the last SQLite assigned, not a random choice")
                : Optional.empty();
    }

    private static boolean byRowid(SampleQuery query) {
        Table table = query.table();
        return query.ordering() instanceof OrderingStrategy.Random && table.kind() != TableKind.VIRTUAL_TABLE
                && !table.options().contains("WITHOUT ROWID");
    }

    /** The SELECT of one sample; every name is quoted and the limit is a number. */
    static String select(SampleQuery query) {
        Table table = query.table();
        String columns = table.columns().stream().map(Column::name).map(SqliteNames::quote).collect(Collectors.joining(", "));
        String order;
        if (byRowid(query)) {
            order = " ORDER BY _rowid_ DESC";
        } else if (query.ordering() instanceof OrderingStrategy.Random) {
            order = " ORDER BY random()";
        } else {
            order = " ORDER BY " + query.ordering().columns().stream().map(column -> SqliteNames.quote(column) + " DESC")
                    .collect(Collectors.joining(", "));
        }
        return "SELECT " + columns + " FROM " + SqliteNames.quote(SqliteSchemaAssembler.SCHEMA) + "." + SqliteNames.quote(table.name())
                + order + " LIMIT " + query.limit();
    }

    private List<ObjectNode> rows(SampleQuery query) throws SQLException {
        List<Column> columns = query.table().columns();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement(); StatementDeadline deadline = StatementDeadline.of(statement, limit)) {
            List<ObjectNode> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(select(query))) {
                while (result.next()) {
                    ObjectNode row = JsonNodeFactory.instance.objectNode();
                    for (int i = 0; i < columns.size(); i++) {
                        row.set(columns.get(i).name(), value(result.getObject(i + 1)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } finally {
            connection.rollback();
        }
    }

    static JsonNode value(Object value) {
        if (value == null) {
            return SampleValues.nothing();
        }
        if (value instanceof Integer number) {
            return SampleValues.integer(number.longValue());
        }
        if (value instanceof Long number) {
            return SampleValues.integer(number);
        }
        if (value instanceof BigInteger number) {
            return SampleValues.integer(number);
        }
        if (value instanceof Double number) {
            return SampleValues.floating(number);
        }
        if (value instanceof byte[] bytes) {
            return SampleValues.bytes(bytes);
        }
        return SampleValues.text(value.toString());
    }
}
