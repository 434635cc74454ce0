package dev.dbsurveyor.output;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** File names made from any database name stay in their directory, never collide, and decode back. */
class DatabaseFileNamesProperties {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(80),
                Arbitraries.strings().withChars("./\\%~:*?\"<>|aA. -_").ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("con", "CON", "nul", "Nul", "lpt1", ".", "..", "...", "a/../b", "%2F", "~1"),
                Arbitraries.strings().ofMinLength(150).ofMaxLength(400));
    }

    @Property(tries = 2_000)
    void aFileNameNeverLeavesItsDirectoryNorHidesAsSpecial(@ForAll("names") String database) {
        String file = DatabaseFileNames.fileName(database);

        assertThat(file).doesNotContain("/", "\\", "\0").doesNotStartWith(".");
        assertThat(file.length()).isLessThanOrEqualTo(DatabaseFileNames.MAX_ENCODED + DatabaseFileNames.SUFFIX.length() + 17);
        assertThat(file).matches("([a-z0-9_.~-]|%[0-9A-F]{2})+");
    }

    @Property(tries = 2_000)
    void twoNamesNeverShareAFileEvenWhereCaseDoesNotCount(@ForAll("names") String one, @ForAll("names") String other) {
        if (!one.equals(other)) {
            assertThat(DatabaseFileNames.fileName(one).toLowerCase(Locale.ROOT))
                    .isNotEqualTo(DatabaseFileNames.fileName(other).toLowerCase(Locale.ROOT));
        }
    }

    @Property(tries = 2_000)
    void decodingGivesTheNameBackUnlessItWasShortened(@ForAll("names") String database) {
        String file = DatabaseFileNames.fileName(database);

        if (!file.contains("~")) {
            assertThat(DatabaseFileNames.databaseOf(file)).contains(database);
        } else {
            assertThat(DatabaseFileNames.databaseOf(file)).isEmpty();
        }
    }

    @Property(tries = 2_000)
    void anyOtherFileNameDecodesOnlyToANameWhoseFileItIs(@ForAll @StringLength(max = 60) String file) {
        DatabaseFileNames.databaseOf(file + DatabaseFileNames.SUFFIX)
                .ifPresent(database -> assertThat(DatabaseFileNames.fileName(database)).isEqualTo(file + DatabaseFileNames.SUFFIX));
        assertThat(DatabaseFileNames.databaseOf(file)).isEmpty();
    }
}
