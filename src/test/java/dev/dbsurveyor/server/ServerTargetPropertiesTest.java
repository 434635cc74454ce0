package dev.dbsurveyor.server;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.testing.ArbitraryStrings;
import dev.dbsurveyor.testing.PropertyRun;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No input makes the URL parser throw anything but the documented error, and no parsed target shows its password. */
class ServerTargetPropertiesTest {

    private static final Environment NO_ENVIRONMENT = new Environment(Map.of(), Path.of("/nonexistent"));

    private static final Gen<String> URLS = ArbitraryStrings.concat(
            ArbitraryStrings.pick("postgresql://", "postgres://", "mysql://", "mariadb://", "http://", "", "postgresql:/"),
            ArbitraryStrings.oneOf(ArbitraryStrings.anyOfLength(0, 40), ArbitraryStrings.fromChars("@:/?&=%[]#abc123.-_ ", 0, 30)));

    // A fixed start makes every secret one that no URL part could spell by chance. A URL carries a password as
    // percent-encoded UTF-8, which has no form for a lone surrogate: secrets are well-formed text.
    private static final Gen<String> SECRETS = ArbitraryStrings.concat(ArbitraryStrings.pick("s3cr3t-"), ArbitraryStrings.textOfLength(0, 30));

    private static final Gen<String> HOSTS = ArbitraryStrings.pick("db.example.com", "127.0.0.1", "[::1]", "host-1");

    @Test
    void anyInputParsesOrIsAConfigurationError() {
        PropertyRun.withTries(5_000).forAll(URLS).checkAssert(url -> {
            try {
                ServerTarget target = ServerTarget.parse(url, NO_ENVIRONMENT);
                target.redacted();
                target.toString();
            } catch (ConfigurationException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void aParsedTargetNeverShowsItsPassword() {
        PropertyRun.withTries(2_000).forAll(SECRETS, HOSTS).checkAssert((password, host) -> {
            String url = "postgresql://alice:" + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20") + "@" + host + ":5432/sales";

            ServerTarget target = ServerTarget.parse(url, NO_ENVIRONMENT);

            assertThat(target.passwordFor("sales").map(Secret::reveal)).contains(password);
            assertThat(target.toString()).doesNotContain(password);
            assertThat(target.redacted()).doesNotContain(password);
            assertThat(target.withDatabase("other").toString()).doesNotContain(password);
        });
    }
}
