package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.TypeRef;
import dev.dbsurveyor.model.UnifiedDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresTypeMapperTest {

    private static final int VARHDRSZ = 4;

    private static TypeRef builtin(String name, int modifier, String nativeType) {
        return new TypeRef(name, true, false, null, null, modifier, nativeType);
    }

    private static int numericModifier(int precision, int scale) {
        return ((precision << 16) | (scale & 0x7ff)) + VARHDRSZ;
    }

    @Test
    void numericWithoutFractionIsTheNarrowestIntegerThatHoldsItsDigits() {
        assertThat(PostgresTypeMapper.map(builtin("numeric", numericModifier(2, 0), "numeric(2,0)")))
                .isEqualTo(new UnifiedDataType.IntegerType(8, true));
        assertThat(PostgresTypeMapper.map(builtin("numeric", numericModifier(4, 0), "numeric(4,0)")))
                .isEqualTo(new UnifiedDataType.IntegerType(16, true));
        assertThat(PostgresTypeMapper.map(builtin("numeric", numericModifier(18, 0), "numeric(18,0)")))
                .isEqualTo(new UnifiedDataType.IntegerType(64, true));
        assertThat(PostgresTypeMapper.map(builtin("numeric", numericModifier(38, 0), "numeric(38,0)")))
                .isEqualTo(new UnifiedDataType.IntegerType(128, true));
        assertThat(PostgresTypeMapper.map(builtin("numeric", numericModifier(39, 0), "numeric(39,0)")))
                .isEqualTo(new UnifiedDataType.FloatType(39));
    }

    @Test
    void negativeScaleCountsTheImpliedZeros() {
        assertThat(PostgresTypeMapper.map(builtin("numeric", numericModifier(7, -2), "numeric(7,-2)")))
                .isEqualTo(new UnifiedDataType.IntegerType(32, true));
        assertThat(PostgresTypeMapper.map(builtin("numeric", numericModifier(8, -2), "numeric(8,-2)")))
                .isEqualTo(new UnifiedDataType.IntegerType(64, true));
    }

    @Test
    void numericWithAFractionOrUnboundedIsAFloat() {
        assertThat(PostgresTypeMapper.map(builtin("numeric", numericModifier(12, 2), "numeric(12,2)")))
                .isEqualTo(new UnifiedDataType.FloatType(12));
        assertThat(PostgresTypeMapper.map(builtin("numeric", -1, "numeric"))).isEqualTo(new UnifiedDataType.FloatType(null));
        assertThat(PostgresTypeMapper.map(builtin("numeric", numericModifier(1000, 500), "numeric(1000,500)")))
                .as("precision above what v1.0 allows is unknown, never invalid").isEqualTo(new UnifiedDataType.FloatType(null));
    }

    @Test
    void textLengthsComeFromTheModifier() {
        assertThat(PostgresTypeMapper.map(builtin("varchar", 255 + VARHDRSZ, "character varying(255)")))
                .isEqualTo(new UnifiedDataType.StringType(255));
        assertThat(PostgresTypeMapper.map(builtin("varchar", -1, "character varying"))).isEqualTo(new UnifiedDataType.StringType(null));
        assertThat(PostgresTypeMapper.map(builtin("bpchar", 1 + VARHDRSZ, "character(1)"))).isEqualTo(new UnifiedDataType.StringType(1));
        assertThat(PostgresTypeMapper.map(builtin("name", -1, "name"))).isEqualTo(new UnifiedDataType.StringType(63));
    }

    @Test
    void userTypesAndUnmappedBuiltinsAreCustomWithTheirNativeName() {
        assertThat(PostgresTypeMapper.map(new TypeRef("mood", false, false, null, null, -1, "shop.mood")))
                .isEqualTo(new UnifiedDataType.CustomType("shop.mood"));
        assertThat(PostgresTypeMapper.map(builtin("interval", -1, "interval"))).isEqualTo(new UnifiedDataType.CustomType("interval"));
        assertThat(PostgresTypeMapper.map(builtin("varbit", 8, "bit varying(8)"))).isEqualTo(new UnifiedDataType.CustomType("bit varying(8)"));
    }

    @Test
    void arraysMapTheirElementAndNestPerDeclaredDimension() {
        TypeRef varcharArray = new TypeRef("_varchar", true, true, "varchar", true, 10 + VARHDRSZ, "character varying(10)[]");
        assertThat(PostgresTypeMapper.map(varcharArray, 1))
                .isEqualTo(new UnifiedDataType.ArrayType(new UnifiedDataType.StringType(10)));
        assertThat(PostgresTypeMapper.map(varcharArray, 2))
                .isEqualTo(new UnifiedDataType.ArrayType(new UnifiedDataType.ArrayType(new UnifiedDataType.StringType(10))));
        TypeRef enumArray = new TypeRef("_mood", false, true, "mood", false, -1, "shop.mood[]");
        assertThat(PostgresTypeMapper.map(enumArray)).isEqualTo(new UnifiedDataType.ArrayType(new UnifiedDataType.CustomType("shop.mood")));
    }
}
