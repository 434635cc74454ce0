package dev.dbsurveyor.sampling;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class SampleValuesTest {

    @Test
    void integersAreExactAndADoubleHoldsThemUpToTwoToTheFiftyThird() {
        assertThat(SampleValues.holdsExactly(SampleValues.integer(9_007_199_254_740_992L))).isTrue();
        assertThat(SampleValues.holdsExactly(SampleValues.integer(-9_007_199_254_740_992L))).isTrue();
        assertThat(SampleValues.holdsExactly(SampleValues.integer(9_007_199_254_740_993L))).isFalse();
        JsonNode unsigned = SampleValues.integer(new BigInteger("18446744073709551615"));
        assertThat(unsigned.bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(SampleValues.digits(unsigned).textValue()).isEqualTo("18446744073709551615");
    }

    @Test
    void decimalsAreExactAndADoubleHoldsOnlyThoseItRepresents() {
        assertThat(SampleValues.holdsExactly(SampleValues.decimal(new BigDecimal("1234.50")))).isTrue();
        assertThat(SampleValues.decimal(new BigDecimal("1234.50")).toString()).isEqualTo("1234.50");
        assertThat(SampleValues.holdsExactly(SampleValues.decimal(new BigDecimal("0.1")))).isTrue();
        JsonNode precise = SampleValues.decimal(new BigDecimal("12345678901234567890.0123456789"));
        assertThat(SampleValues.holdsExactly(precise)).isFalse();
        assertThat(SampleValues.digits(precise).textValue()).isEqualTo("12345678901234567890.0123456789");
        JsonNode huge = SampleValues.decimal(new BigDecimal("1E+400"));
        assertThat(SampleValues.holdsExactly(huge)).isFalse();
        assertThat(SampleValues.digits(huge).textValue()).isEqualTo("1" + "0".repeat(400));
    }

    @Test
    void nonFiniteFloatsAreStrings() {
        assertThat(SampleValues.floating(Double.NaN).textValue()).isEqualTo("NaN");
        assertThat(SampleValues.floating(Double.NEGATIVE_INFINITY).textValue()).isEqualTo("-Infinity");
        assertThat(SampleValues.floating(0.25).doubleValue()).isEqualTo(0.25);
    }

    @Test
    void bytesAreBase64AndInstantsAreUtc() {
        assertThat(SampleValues.bytes(new byte[] {0, -1, 16}).textValue()).isEqualTo("AP8Q");
        assertThat(SampleValues.instant(OffsetDateTime.parse("2026-11-23T17:30:00.125+02:00")).textValue()).isEqualTo("2026-11-23T15:30:00.125Z");
    }
}
