package dev.dbsurveyor.adapter.sqlite;

import dev.dbsurveyor.model.UnifiedDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteTypeMapperTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "INT|INTEGER", "INTEGER|INTEGER", "TINYINT|INTEGER", "BIGINT UNSIGNED|INTEGER", "UNSIGNED BIG INT|INTEGER",
            "POINT|INTEGER", // contains INT: SQLite's first rule wins
            "CHARACTER(20)|TEXT", "VARCHAR(255)|TEXT", "NATIVE CHARACTER(70)|TEXT", "CLOB|TEXT", "text|TEXT",
            "BLOB|BLOB", "NULL|BLOB", "''|BLOB",
            "REAL|REAL", "DOUBLE PRECISION|REAL", "FLOAT|REAL",
            "NUMERIC|NUMERIC", "DECIMAL(10,5)|NUMERIC", "STRING|NUMERIC", "FLOATING POINT|INTEGER"})
    void affinityFollowsSqlitesRulesInTheirOrder(String declared, SqliteTypeMapper.Affinity affinity) {
        assertThat(SqliteTypeMapper.affinity(declared)).isEqualTo(affinity);
    }

    @Test
    void namesWithAMeaningMapToIt() {
        assertThat(SqliteTypeMapper.map("boolean", false)).isEqualTo(new UnifiedDataType.BooleanType());
        assertThat(SqliteTypeMapper.map("DATE", false)).isEqualTo(new UnifiedDataType.DateType());
        assertThat(SqliteTypeMapper.map("TIMESTAMP", false)).isEqualTo(new UnifiedDataType.DateTimeType(false));
        assertThat(SqliteTypeMapper.map("datetime", false)).isEqualTo(new UnifiedDataType.DateTimeType(false));
        assertThat(SqliteTypeMapper.map("TIME", false)).isEqualTo(new UnifiedDataType.TimeType(false));
        assertThat(SqliteTypeMapper.map("JSON", false)).isEqualTo(new UnifiedDataType.JsonType());
        assertThat(SqliteTypeMapper.map("uuid", false)).isEqualTo(new UnifiedDataType.UuidType());
    }

    @Test
    void affinitiesMapToTheUnifiedSet() {
        assertThat(SqliteTypeMapper.map("INTEGER", false)).isEqualTo(new UnifiedDataType.IntegerType(64, true));
        assertThat(SqliteTypeMapper.map("VARCHAR(40)", false)).isEqualTo(new UnifiedDataType.StringType(null));
        assertThat(SqliteTypeMapper.map(null, false)).isEqualTo(new UnifiedDataType.BinaryType(null));
        assertThat(SqliteTypeMapper.map("DOUBLE", false)).isEqualTo(new UnifiedDataType.FloatType(53));
        assertThat(SqliteTypeMapper.map("DECIMAL(10,2)", false)).isEqualTo(new UnifiedDataType.FloatType(10));
        assertThat(SqliteTypeMapper.map("NUMERIC(900)", false)).isEqualTo(new UnifiedDataType.FloatType(255));
        assertThat(SqliteTypeMapper.map("MONEY", false)).isEqualTo(new UnifiedDataType.FloatType(null));
    }

    @Test
    void anyIsItsOwnTypeInStrictTablesOnly() {
        assertThat(SqliteTypeMapper.map("ANY", true)).isEqualTo(new UnifiedDataType.CustomType("ANY"));
        assertThat(SqliteTypeMapper.map("ANY", false)).isEqualTo(new UnifiedDataType.FloatType(null));
    }
}
