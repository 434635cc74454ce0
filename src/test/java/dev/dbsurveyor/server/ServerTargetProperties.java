package dev.dbsurveyor.server;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.Environment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No input makes the URL parser throw anything but the documented error, and no parsed target shows its password. */
class ServerTargetProperties {

    private static final Environment NO_ENVIRONMENT = new Environment(Map.of(), Path.of("/nonexistent"));

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> schemes = Arbitraries.of("postgresql://", "postgres://", "mysql://", "mariadb://", "http://", "", "postgresql:/");
        Arbitrary<String> rest = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("@:/?&=%[]#abc123.-_ ").ofMaxLength(30));
        return schemes.flatMap(scheme -> rest.map(tail -> scheme + tail));
    }

    @Property(tries = 5_000)
    void anyInputParsesOrIsAConfigurationError(@ForAll("urls") String url) {
        try {
            ServerTarget target = ServerTarget.parse(url, NO_ENVIRONMENT);
            target.redacted();
            target.toString();
        } catch (ConfigurationException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2_000)
    void aParsedTargetNeverShowsItsPassword(@ForAll("secrets") String password, @ForAll("hosts") String host) {
        String url = "postgresql://alice:" + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20") + "@" + host + ":5432/sales";

        ServerTarget target = ServerTarget.parse(url, NO_ENVIRONMENT);

        assertThat(target.passwordFor("sales").map(Secret::reveal)).contains(password);
        assertThat(target.toString()).doesNotContain(password);
        assertThat(target.redacted()).doesNotContain(password);
        assertThat(target.withDatabase("other").toString()).doesNotContain(password);
    }

    @Provide
    Arbitrary<String> secrets() {
        // A fixed start makes every secret one that no URL part could spell by chance.
        return Arbitraries.strings().ofMaxLength(30).map(tail -> "s3cr3t-" + tail);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of("db.example.com", "127.0.0.1", "[::1]", "host-1");
    }
}
