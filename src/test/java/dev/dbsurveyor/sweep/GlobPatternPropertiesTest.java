package dev.dbsurveyor.sweep;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.testing.ArbitraryStrings;
import dev.dbsurveyor.testing.PropertyRun;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;

/** Any glob compiles or is refused with the documented error; compiled globs match without throwing and escape exactly. */
class GlobPatternPropertiesTest {

    private static final Gen<String> GLOBS = ArbitraryStrings.oneOf(
            ArbitraryStrings.anyOfLength(0, 30),
            ArbitraryStrings.fromChars("[]!-*?\\^$.(){}|+ab", 0, 12));

    private static final Gen<String> NAMES = ArbitraryStrings.anyOfLength(0, 255);

    @Test
    void anyGlobCompilesOrIsAConfigurationError() {
        PropertyRun.withTries(3_000).forAll(GLOBS, NAMES).checkAssert((glob, name) -> {
            GlobPattern pattern;
            try {
                pattern = GlobPattern.compile(glob);
            } catch (ConfigurationException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            pattern.matches(name);
        });
    }

    // Database names, as a server gives them: a name ending in a lone high surrogate would pair with the low one
    // that starts the other, and the two together are no longer the name followed by something.
    @Test
    void aNameWithEveryCharacterEscapedMatchesItselfAndNothingElse() {
        PropertyRun.withTries(2_000).forAll(ArbitraryStrings.textOfLength(1, 255), ArbitraryStrings.textOfLength(0, 255)).checkAssert((name, other) -> {
            StringBuilder escaped = new StringBuilder();
            name.codePoints().forEach(c -> escaped.append('\\').appendCodePoint(c));
            GlobPattern exact = GlobPattern.compile(escaped.toString());

            assertThat(exact.matches(name)).isTrue();
            assertThat(exact.matches(other)).isEqualTo(other.equals(name));
            assertThat(GlobPattern.compile(escaped + "*").matches(name + other)).isTrue();
        });
    }
}
