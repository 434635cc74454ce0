package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.model.UnifiedDataType.BinaryType;
import dev.dbsurveyor.model.UnifiedDataType.BooleanType;
import dev.dbsurveyor.model.UnifiedDataType.CustomType;
import dev.dbsurveyor.model.UnifiedDataType.DateTimeType;
import dev.dbsurveyor.model.UnifiedDataType.DateType;
import dev.dbsurveyor.model.UnifiedDataType.FloatType;
import dev.dbsurveyor.model.UnifiedDataType.IntegerType;
import dev.dbsurveyor.model.UnifiedDataType.JsonType;
import dev.dbsurveyor.model.UnifiedDataType.StringType;
import dev.dbsurveyor.model.UnifiedDataType.TimeType;
import dev.dbsurveyor.model.UnifiedDataType.UuidType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlTypeMapperTest {

    private record Case(String dataType, String columnType, Long maxLength, Long precision, UnifiedDataType expected) {
    }

    @Test
    void everyMySqlAndMariaDbTypeMapsToAValidUnifiedType() {
        List<Case> cases = List.of(
                new Case("tinyint", "tinyint(1)", null, 3L, new BooleanType()),
                new Case("tinyint", "tinyint(1) unsigned", null, 3L, new IntegerType(8, false)),
                new Case("tinyint", "tinyint(4)", null, 3L, new IntegerType(8, true)),
                new Case("tinyint", "tinyint", null, 3L, new IntegerType(8, true)),
                new Case("smallint", "smallint(5) unsigned", null, 5L, new IntegerType(16, false)),
                new Case("mediumint", "mediumint(8)", null, 7L, new IntegerType(32, true)),
                new Case("mediumint", "mediumint unsigned", null, 8L, new IntegerType(32, false)),
                new Case("int", "int(11)", null, 10L, new IntegerType(32, true)),
                new Case("int", "int unsigned", null, 10L, new IntegerType(32, false)),
                new Case("bigint", "bigint(20) unsigned", null, 20L, new IntegerType(64, false)),
                new Case("year", "year(4)", null, null, new IntegerType(16, false)),
                new Case("decimal", "decimal(65,30)", null, 65L, new FloatType(65)),
                new Case("decimal", "decimal(10,0)", null, 10L, new FloatType(10)),
                new Case("float", "float", null, 12L, new FloatType(24)),
                new Case("double", "double", null, 22L, new FloatType(53)),
                new Case("bit", "bit(1)", null, 1L, new BooleanType()),
                new Case("bit", "bit(12)", null, 12L, new BinaryType(2)),
                new Case("bit", "bit(64)", null, 64L, new BinaryType(8)),
                new Case("char", "char(3)", 3L, null, new StringType(3)),
                new Case("varchar", "varchar(16383)", 16383L, null, new StringType(16383)),
                new Case("tinytext", "tinytext", 255L, null, new StringType(255)),
                new Case("text", "text", 65535L, null, new StringType(65535)),
                new Case("mediumtext", "mediumtext", 16777215L, null, new StringType(16777215)),
                new Case("longtext", "longtext", 4294967295L, null, new StringType(null)),
                new Case("binary", "binary(16)", 16L, null, new BinaryType(16)),
                new Case("varbinary", "varbinary(64)", 64L, null, new BinaryType(64)),
                new Case("blob", "blob", 65535L, null, new BinaryType(65535)),
                new Case("longblob", "longblob", 4294967295L, null, new BinaryType(null)),
                new Case("date", "date", null, null, new DateType()),
                new Case("datetime", "datetime(6)", null, null, new DateTimeType(false)),
                new Case("timestamp", "timestamp", null, null, new DateTimeType(true)),
                new Case("time", "time(3)", null, null, new TimeType(false)),
                new Case("json", "json", null, null, new JsonType()),
                new Case("uuid", "uuid", 36L, null, new UuidType()),
                new Case("enum", "enum('a','b')", 1L, null, new CustomType("enum('a','b')")),
                new Case("set", "set('x','y')", 3L, null, new CustomType("set('x','y')")),
                new Case("point", "point", null, null, new CustomType("point")),
                new Case("geometry", "geometry", null, null, new CustomType("geometry")),
                new Case("inet6", "inet6", 39L, null, new CustomType("inet6")),
                new Case("vector", "vector(3)", null, null, new CustomType("vector(3)")));
        for (Case c : cases) {
            assertThat(MySqlTypeMapper.map(c.dataType(), c.columnType(), c.maxLength(), c.precision()))
                    .as(c.columnType()).isEqualTo(c.expected());
        }
    }

    @Test
    void upperCaseNamesFromRoutineMetadataMapTheSame() {
        assertThat(MySqlTypeMapper.map("VARCHAR", "VARCHAR(40)", 40L, null)).isEqualTo(new StringType(40));
        assertThat(MySqlTypeMapper.map("INT", "INT UNSIGNED", null, 10L)).isEqualTo(new IntegerType(32, false));
        assertThat(MySqlTypeMapper.map("something_new", null, null, null)).isEqualTo(new CustomType("something_new"));
    }
}
