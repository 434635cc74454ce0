package dev.dbsurveyor.output;

import dev.dbsurveyor.testing.ArbitraryStrings;
import dev.dbsurveyor.testing.PropertyRun;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.Locale;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** File names made from any database name stay in their directory, never collide, and decode back. */
class DatabaseFileNamesPropertiesTest {

    /** Any strings, lone surrogates included: no string at all may make a file name leave its directory. */
    private static final Gen<String> ANY_NAMES = names(ArbitraryStrings::anyOfLength);

    /**
     * Names as a server gives them, well-formed Unicode: the UTF-8 that a file name encodes has no form for a
     * lone surrogate (Java writes it as {@code ?}), so only these decode back and stay apart.
     */
    private static final Gen<String> NAMES = names(ArbitraryStrings::textOfLength);

    private static Gen<String> names(BiFunction<Integer, Integer, Gen<String>> ofLength) {
        return ArbitraryStrings.oneOf(
                ofLength.apply(1, 80),
                ArbitraryStrings.fromChars("./\\%~:*?\"<>|aA. -_", 1, 12),
                ArbitraryStrings.pick("con", "CON", "nul", "Nul", "lpt1", ".", "..", "...", "a/../b", "%2F", "~1"),
                ofLength.apply(150, 400));
    }

    @Test
    void aFileNameNeverLeavesItsDirectoryNorHidesAsSpecial() {
        PropertyRun.withTries(2_000).forAll(ANY_NAMES).checkAssert(database -> {
            String file = DatabaseFileNames.fileName(database);

            assertThat(file).doesNotContain("/", "\\", "\0").doesNotStartWith(".");
            assertThat(file.length()).isLessThanOrEqualTo(DatabaseFileNames.MAX_ENCODED + DatabaseFileNames.SUFFIX.length() + 17);
            assertThat(file).matches("([a-z0-9_.~-]|%[0-9A-F]{2})+");
        });
    }

    @Test
    void twoNamesNeverShareAFileEvenWhereCaseDoesNotCount() {
        PropertyRun.withTries(2_000).forAll(NAMES, NAMES).checkAssert((one, other) -> {
            if (!one.equals(other)) {
                assertThat(DatabaseFileNames.fileName(one).toLowerCase(Locale.ROOT))
                        .isNotEqualTo(DatabaseFileNames.fileName(other).toLowerCase(Locale.ROOT));
            }
        });
    }

    @Test
    void decodingGivesTheNameBackUnlessItWasShortened() {
        PropertyRun.withTries(2_000).forAll(NAMES).checkAssert(database -> {
            String file = DatabaseFileNames.fileName(database);

            if (!file.contains("~")) {
                assertThat(DatabaseFileNames.databaseOf(file)).contains(database);
            } else {
                assertThat(DatabaseFileNames.databaseOf(file)).isEmpty();
            }
        });
    }

    @Test
    void anyOtherFileNameDecodesOnlyToANameWhoseFileItIs() {
        PropertyRun.withTries(2_000).forAll(ArbitraryStrings.anyOfLength(0, 60)).checkAssert(file -> {
            DatabaseFileNames.databaseOf(file + DatabaseFileNames.SUFFIX)
                    .ifPresent(database -> assertThat(DatabaseFileNames.fileName(database)).isEqualTo(file + DatabaseFileNames.SUFFIX));
            assertThat(DatabaseFileNames.databaseOf(file)).isEmpty();
        });
    }
}
