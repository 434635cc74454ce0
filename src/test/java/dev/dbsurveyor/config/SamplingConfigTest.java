package dev.dbsurveyor.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplingConfigTest {

    @Test
    void samplingIsOffByDefaultAndRedactsWhenOn() {
        SamplingConfig defaults = SamplingConfig.off();

        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.redact()).isTrue();
        assertThat(defaults.queriesPerSecond()).isEqualTo(50);
        assertThat(SamplingConfig.builder().rowsPerTable(10).build().enabled()).isTrue();
    }

    @Test
    void everyOptionIsCheckedWhereItIsSet() {
        assertThatThrownBy(() -> SamplingConfig.builder().rowsPerTable(-1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("rows per table");
        assertThatThrownBy(() -> SamplingConfig.builder().rowsPerTable(10_001)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SamplingConfig.builder().queriesPerSecond(0)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queries per second");
        assertThatThrownBy(() -> SamplingConfig.builder().queriesPerSecond(Double.NaN)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SamplingConfig.builder().queriesPerSecond(Double.POSITIVE_INFINITY)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SamplingConfig.builder().maxValueLength(15)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SamplingConfig.builder().maxSampleBytes(1_023)).isInstanceOf(ConfigurationException.class);
    }
}
