package dev.dbsurveyor.sweep;

import dev.dbsurveyor.config.ConfigurationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Any glob compiles or is refused with the documented error; compiled globs match without throwing and escape exactly. */
class GlobPatternProperties {

    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("[]!-*?\\^$.(){}|+ab").ofMaxLength(12));
    }

    @Property(tries = 3_000)
    void anyGlobCompilesOrIsAConfigurationError(@ForAll("globs") String glob, @ForAll String name) {
        GlobPattern pattern;
        try {
            pattern = GlobPattern.compile(glob);
        } catch (ConfigurationException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        pattern.matches(name);
    }

    @Property(tries = 2_000)
    void aNameWithEveryCharacterEscapedMatchesItselfAndNothingElse(@ForAll String name, @ForAll String other) {
        if (name.isEmpty()) {
            return;
        }
        StringBuilder escaped = new StringBuilder();
        name.chars().forEach(c -> escaped.append('\\').append((char) c));
        GlobPattern exact = GlobPattern.compile(escaped.toString());

        assertThat(exact.matches(name)).isTrue();
        assertThat(exact.matches(other)).isEqualTo(other.equals(name));
        assertThat(GlobPattern.compile(escaped + "*").matches(name + other)).isTrue();
    }
}
