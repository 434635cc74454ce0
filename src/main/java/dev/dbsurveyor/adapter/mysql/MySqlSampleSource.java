package dev.dbsurveyor.adapter.mysql;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.adapter.Transactions;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.sampling.OrderingStrategy;
import dev.dbsurveyor.sampling.SampleQuery;
import dev.dbsurveyor.sampling.SampleSource;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sample rows of MySQL and MariaDB tables. Each read is one round trip: {@code START TRANSACTION
 * READ ONLY}, one time-limited SELECT, COMMIT. Values arrive typed from the driver and are written
 * by {@link MySqlSampleValues}.
 */
final class MySqlSampleSource implements SampleSource {

    private final Connection connection;
    private final MySqlFlavour flavour;
    private final long statementMillis;

    MySqlSampleSource(Connection connection, MySqlFlavour flavour, long statementMillis) {
        this.connection = connection;
        this.flavour = flavour;
        this.statementMillis = statementMillis;
    }

    @Override
    public Flux<ObjectNode> read(SampleQuery query) {
        String sql = "START TRANSACTION READ ONLY;\n/* dbsurveyor */ " + flavour.limited(select(query), statementMillis) + ";\nCOMMIT";
        List<Column> columns = query.table().columns();
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map((row, metadata) -> row(row, columns)))
                .onErrorResume(error -> Transactions.rollback(connection).then(Mono.error(error)));
    }

    @Override
    public Optional<String> randomCaveat(SampleQuery query) {
        return query.large()
                ? Optional.of("about " + query.table().rowCount() + " rows: read in the order the server returns them, since ordering "
                        + "them at random would sort the whole table")
                : Optional.empty();
    }

    /** The SELECT of one sample; every name is quoted and the limit is a number. */
    static String select(SampleQuery query) {
        Table table = query.table();
        String columns = table.columns().stream().map(Column::name).map(MySqlIdentifiers::quote).collect(Collectors.joining(", "));
        String from = MySqlIdentifiers.quote(table.schema()) + "." + MySqlIdentifiers.quote(table.name());
        String order;
        if (query.ordering() instanceof OrderingStrategy.Random) {
            order = query.large() ? "" : " ORDER BY RAND()";
        } else {
            order = " ORDER BY " + query.ordering().columns().stream().map(column -> MySqlIdentifiers.quote(column) + " DESC")
                    .collect(Collectors.joining(", "));
        }
        return "SELECT " + columns + " FROM " + from + order + " LIMIT " + query.limit();
    }

    private static ObjectNode row(Row row, List<Column> columns) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            // TIME spans -838:59:59 to 838:59:59, more than a LocalTime, the driver's default, can hold.
            Object value = row.getMetadata().getColumnMetadata(i).getJavaType() == LocalTime.class
                    ? row.get(i, Duration.class)
                    : row.get(i);
            node.set(column.name(), MySqlSampleValues.value(value, column));
        }
        return node;
    }
}
