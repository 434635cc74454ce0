package dev.dbsurveyor.sweep;

import dev.dbsurveyor.config.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobPatternTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource(delimiter = '|', value = {
            "sales*      | sales       | true",
            "sales*      | sales_2026  | true",
            "sales*      | presales    | false",
            "sales*      | Sales       | false",
            "*_test      | app_test    | true",
            "*_test      | app_test2   | false",
            "db?         | db1         | true",
            "db?         | db12        | false",
            "db[abc]     | dbb         | true",
            "db[abc]     | dbd         | false",
            "db[a-c]x    | dbbx        | true",
            "db[a-c]x    | dbdx        | false",
            "db[!abc]    | dbd         | true",
            "db[!abc]    | dba         | false",
            "db[!a-c]    | dbz         | true",
            "db\\*       | db*         | true",
            "db\\*       | dbx         | false",
            "a\\?b       | a?b         | true",
            "[]]x        | ]x          | true",
            "[.]x        | .x          | true",
            "[.]x        | ax          | false",
            "d.b         | d.b         | true",
            "d.b         | dxb         | false",
            "(x)+        | (x)+        | true",
            "$^          | $^          | true",
            "[\\d]       | d           | true",
            "[#-\\[]      | [           | true",
            "[#-\\[]      | !           | false",
            "[a-\\z]      | m           | true",
            "[\\a-c]      | b           | true",
            "sales_🐘    | sales_🐘    | true",
            "sales_?     | sales_🐘    | true",
            "[🐘🐬]x     | 🐬x         | true",
            "[🐘🐬]x     | 🐙x         | false",
            "[\\d]       | 1           | false",
            "*           | any name    | true"})
    void matchesTheWholeNameCaseSensitively(String glob, String name, boolean expected) {
        assertThat(GlobPattern.compile(glob.strip()).matches(name.strip())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[abc", "db[", "x\\", "[z-a]", "[[-\\!]", ""})
    void malformedGlobsAreConfigurationErrorsNamingTheGlob(String glob) {
        assertThatThrownBy(() -> GlobPattern.compile(glob)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(glob.isEmpty() ? "empty" : glob);
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "tab\there"})
    void aStarMatchesAcrossControlCharacters(String name) {
        assertThat(GlobPattern.compile("*").matches(name)).isTrue();
    }
}
