package dev.dbsurveyor.sweep;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.OutputMode;
import dev.dbsurveyor.retry.DefaultRetryPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultiDatabaseConfigTest {

    @Test
    void defaultsAreThoseDocumented() {
        MultiDatabaseConfig config = MultiDatabaseConfig.defaults();

        assertThat(config.maxConcurrency()).isEqualTo(8);
        assertThat(config.includeSystem()).isFalse();
        assertThat(config.includePatterns()).isEmpty();
        assertThat(config.excludePatterns()).isEmpty();
        assertThat(config.continueOnError()).isTrue();
        assertThat(config.outputMode()).isEqualTo(OutputMode.SINGLE_BUNDLE);
        assertThat(config.retryPolicy()).isInstanceOf(DefaultRetryPolicy.class);
    }

    @Test
    void badSettingsFailWhenGivenBeforeAnythingConnects() {
        assertThatThrownBy(() -> MultiDatabaseConfig.builder().maxConcurrency(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("max concurrency");
        assertThatThrownBy(() -> MultiDatabaseConfig.builder().include("[abc"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("[abc");
        assertThatThrownBy(() -> MultiDatabaseConfig.builder().exclude("x\\"))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> MultiDatabaseConfig.builder().outputMode(null)).isInstanceOf(ConfigurationException.class);
    }
}
