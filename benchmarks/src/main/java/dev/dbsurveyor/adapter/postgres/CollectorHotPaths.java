package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.StageResults;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.UpstreamLoader;
import dev.dbsurveyor.output.UpstreamRefusal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The collector's own CPU cost on its hot paths, no server involved: mapping PostgreSQL column
 * types, assembling the document of a 10,000-table database from its catalog rows, writing that
 * document as JSON, and the check of what upstream's loader would refuse in documents of 20, 1,000
 * and 10,000 tables (the 20-table one also through its text, the path {@code validate --upstream}
 * takes). In this package to reach the adapter's package-private classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CollectorHotPaths {

    static final int TABLES = 10_000;
    static final int COLUMNS_PER_TABLE = 10;

    private PostgresCatalog snapshot;
    private DatabaseSchema document;
    private DatabaseSchema thousandTables;
    private DatabaseSchema twentyTables;
    private String twentyTablesText;
    private List<PostgresCatalogRows.TypeRef> types;

    @Setup
    public void setUp() {
        types = List.of(
                type("int4", -1, "integer"), type("varchar", 259, "character varying(255)"), type("numeric", 786438, "numeric(12,2)"),
                type("timestamptz", -1, "timestamp with time zone"), type("text", -1, "text"), type("bool", -1, "boolean"),
                type("uuid", -1, "uuid"), type("jsonb", -1, "jsonb"), type("bytea", -1, "bytea"),
                new PostgresCatalogRows.TypeRef("_text", true, true, "text", true, -1, "text[]"),
                new PostgresCatalogRows.TypeRef("mood", false, false, null, null, -1, "public.mood"));
        snapshot = wideCatalog(TABLES);
        document = PostgresSchemaAssembler.assemble("wide", snapshot, "bench", Instant.EPOCH, 0);
        thousandTables = PostgresSchemaAssembler.assemble("wide", wideCatalog(1_000), "bench", Instant.EPOCH, 0);
        twentyTables = PostgresSchemaAssembler.assemble("wide", wideCatalog(20), "bench", Instant.EPOCH, 0);
        try {
            twentyTablesText = ContractMapper.mapper().writeValueAsString(twentyTables);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void mapColumnTypes(Blackhole sink) {
        for (PostgresCatalogRows.TypeRef type : types) {
            UnifiedDataType mapped = PostgresTypeMapper.map(type, type.isArray() ? 1 : 0);
            sink.consume(mapped);
        }
    }

    @Benchmark
    public DatabaseSchema assembleTenThousandTables() {
        return PostgresSchemaAssembler.assemble("wide", snapshot, "bench", Instant.EPOCH, 0);
    }

    @Benchmark
    public long writeTenThousandTablesAsJson() throws IOException {
        CountingStream out = new CountingStream();
        ContractMapper.mapper().writeValue(out, document);
        return out.count;
    }

    @Benchmark
    public List<UpstreamRefusal> upstreamCheckTenThousandTables() {
        return UpstreamLoader.refusals(document);
    }

    @Benchmark
    public List<UpstreamRefusal> upstreamCheckThousandTables() {
        return UpstreamLoader.refusals(thousandTables);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<UpstreamRefusal> upstreamCheck20Tables() {
        return UpstreamLoader.refusals(twentyTables);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<UpstreamRefusal> upstreamCheck20TablesFromText() {
        return UpstreamLoader.refusals(twentyTablesText);
    }

    private static PostgresCatalogRows.TypeRef type(String name, int modifier, String nativeType) {
        return new PostgresCatalogRows.TypeRef(name, true, false, null, null, modifier, nativeType);
    }

    /** The rows the catalog stages return for the wide workload: per table a key, a foreign key to the table before it and an index. */
    private PostgresCatalog wideCatalog(int tableCount) {
        List<Object> relations = new ArrayList<>();
        List<Object> columns = new ArrayList<>();
        List<Object> constraints = new ArrayList<>();
        List<Object> indexes = new ArrayList<>();
        for (int t = 1; t <= tableCount; t++) {
            long oid = 100_000L + t;
            String name = "t" + t;
            relations.add(new PostgresCatalogRows.RelationRow(oid, "public", name, "r", null, null, 0L, null, true));
            for (int c = 1; c <= COLUMNS_PER_TABLE; c++) {
                PostgresCatalogRows.TypeRef type = types.get(c % 5);
                columns.add(new PostgresCatalogRows.ColumnRow(oid, c == 1 ? "id" : c == 2 ? "parent_id" : "c" + c, c, c == 1, null, null, null,
                        null, 0, type));
            }
            constraints.add(new PostgresCatalogRows.ConstraintRow("public", name, oid, name + "_pkey", "p", List.of(1), null, null, 0, List.of(),
                    null, null, null, null));
            long parent = 100_000L + Math.max(1, t - 1);
            constraints.add(new PostgresCatalogRows.ConstraintRow("public", name, oid, name + "_parent_fkey", "f", List.of(2), "public",
                    "t" + Math.max(1, t - 1), parent, List.of(1), null, "a", "a", null));
            indexes.add(new PostgresCatalogRows.IndexRow("public", name, oid, name + "_pkey", "btree", true, true, true, null,
                    List.of(new PostgresCatalogRows.IndexKeyRow(1, true, false, null))));
            indexes.add(new PostgresCatalogRows.IndexRow("public", name, oid, name + "_c3_idx", "btree", false, false, true, null,
                    List.of(new PostgresCatalogRows.IndexKeyRow(3, true, false, null))));
        }
        Map<PostgresStage, List<Object>> results = new EnumMap<>(PostgresStage.class);
        results.put(PostgresStage.DATABASE, List.of(new PostgresCatalogRows.DatabaseRow("wide", "UTF8", "C.UTF-8", "postgres", 1L, false, "15.0")));
        results.put(PostgresStage.RELATIONS, relations);
        results.put(PostgresStage.COLUMNS, columns);
        results.put(PostgresStage.CONSTRAINTS, constraints);
        results.put(PostgresStage.INDEXES, indexes);
        results.put(PostgresStage.VIEWS, List.of());
        results.put(PostgresStage.ROUTINES, List.of());
        results.put(PostgresStage.TRIGGERS, List.of());
        results.put(PostgresStage.TYPES, List.of());
        return new PostgresCatalog(StageResults.of(results, Map.of()));
    }

    /** Counts what is written, keeps nothing. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
