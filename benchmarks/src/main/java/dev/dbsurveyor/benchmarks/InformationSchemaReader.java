package dev.dbsurveyor.benchmarks;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * The baseline: the same schema read the way many tools do, through the SQL-standard
 * {@code information_schema} views (and {@code pg_indexes}, which the standard lacks), one query
 * per object kind, every row fetched, over the same driver.
 */
final class InformationSchemaReader {

    private static final String USER_SCHEMAS = " NOT IN ('pg_catalog', 'information_schema')";

    static final List<String> QUERIES = List.of(
            "SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_schema" + USER_SCHEMAS,
            "SELECT table_schema, table_name, column_name, ordinal_position, data_type, udt_name, character_maximum_length,"
                    + " numeric_precision, numeric_scale, is_nullable, column_default, is_identity, is_generated"
                    + " FROM information_schema.columns WHERE table_schema" + USER_SCHEMAS,
            "SELECT tc.table_schema, tc.table_name, tc.constraint_name, tc.constraint_type, kcu.column_name, kcu.ordinal_position"
                    + " FROM information_schema.table_constraints tc LEFT JOIN information_schema.key_column_usage kcu"
                    + " ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name"
                    + " AND kcu.table_name = tc.table_name WHERE tc.table_schema" + USER_SCHEMAS,
            "SELECT constraint_schema, constraint_name, unique_constraint_schema, unique_constraint_name, update_rule, delete_rule"
                    + " FROM information_schema.referential_constraints WHERE constraint_schema" + USER_SCHEMAS,
            "SELECT constraint_schema, constraint_name, check_clause FROM information_schema.check_constraints"
                    + " WHERE constraint_schema" + USER_SCHEMAS,
            "SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE schemaname" + USER_SCHEMAS,
            "SELECT table_schema, table_name, view_definition FROM information_schema.views WHERE table_schema" + USER_SCHEMAS,
            "SELECT routine_schema, routine_name, routine_type, data_type, external_language, routine_definition"
                    + " FROM information_schema.routines WHERE routine_schema" + USER_SCHEMAS,
            "SELECT specific_schema, specific_name, parameter_name, parameter_mode, data_type, ordinal_position"
                    + " FROM information_schema.parameters WHERE specific_schema" + USER_SCHEMAS,
            "SELECT trigger_schema, trigger_name, event_manipulation, event_object_table, action_timing, action_statement"
                    + " FROM information_schema.triggers WHERE trigger_schema" + USER_SCHEMAS,
            "SELECT domain_schema, domain_name, data_type, domain_default FROM information_schema.domains WHERE domain_schema" + USER_SCHEMAS);

    private InformationSchemaReader() {
    }

    /** Runs every query one after the other on one connection; returns the number of rows read. */
    static long read(ConnectionFactory factory) {
        return Mono.usingWhen(Mono.from(factory.create()),
                        connection -> Flux.fromIterable(QUERIES)
                                .concatMap(sql -> Flux.from(connection.createStatement(sql).execute())
                                        .concatMap(result -> result.map(row -> row.get(0))))
                                .count(),
                        Connection::close)
                .block(Duration.ofMinutes(10));
    }
}
