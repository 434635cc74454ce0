package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.model.UnifiedDataType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CPU cost of mapping MySQL and MariaDB column types, one call per column of a typical table. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MySqlTypeMapping {

    private record Declared(String dataType, String columnType, Long maxLength, Long precision) {
    }

    private final List<Declared> columns = List.of(
            new Declared("int", "int(11)", null, 10L), new Declared("bigint", "bigint unsigned", null, 20L),
            new Declared("varchar", "varchar(255)", 255L, null), new Declared("decimal", "decimal(12,2)", null, 12L),
            new Declared("timestamp", "timestamp", null, null), new Declared("datetime", "datetime(3)", null, null),
            new Declared("tinyint", "tinyint(1)", null, 3L), new Declared("longtext", "longtext", 4294967295L, null),
            new Declared("json", "json", null, null), new Declared("enum", "enum('a','b')", 1L, null),
            new Declared("varbinary", "varbinary(16)", 16L, null));

    @Benchmark
    public void mapColumnTypes(Blackhole sink) {
        for (Declared column : columns) {
            UnifiedDataType mapped = MySqlTypeMapper.map(column.dataType(), column.columnType(), column.maxLength(), column.precision());
            sink.consume(mapped);
        }
    }
}
