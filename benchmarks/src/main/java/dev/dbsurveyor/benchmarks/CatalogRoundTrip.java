package dev.dbsurveyor.benchmarks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The limit of a PostgreSQL collection: dbsurveyor's own catalog queries, as its collector sends
 * them for one database ({@code PostgresCatalogReader}: a read-only repeatable-read transaction,
 * its {@code SET LOCAL}s, every stage of {@code PostgresStage} in its savepoint, then COMMIT),
 * joined into one simple-query string, which {@code psql -c} sends in one round trip. The stages'
 * SQL is taken from the dbsurveyor jar on the classpath, so the limit follows the collector.
 */
final class CatalogRoundTrip {

    private CatalogRoundTrip() {
    }

    static String sql() {
        List<String> statements = new ArrayList<>(List.of(
                "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                "SET LOCAL search_path = pg_catalog",
                "SET LOCAL statement_timeout = 30000",
                "SET LOCAL lock_timeout = 5000",
                "SET LOCAL jit = off"));
        try {
            Class<?> stages = Class.forName("dev.dbsurveyor.adapter.postgres.PostgresStage");
            Method sql = stages.getDeclaredMethod("sql");
            sql.setAccessible(true);
            for (Object stage : stages.getEnumConstants()) {
                String savepoint = "stage_" + ((Enum<?>) stage).name().toLowerCase(java.util.Locale.ROOT);
                statements.add("SAVEPOINT " + savepoint);
                statements.add((String) sql.invoke(stage));
                statements.add("RELEASE SAVEPOINT " + savepoint);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("dbsurveyor's PostgreSQL stages are not where the benchmark looks for them", e);
        }
        statements.add("COMMIT");
        return String.join(";\n", statements);
    }
}
