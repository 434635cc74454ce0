package dev.dbsurveyor.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"sales", "Sales", "../etc/passwd", "..", ".", ".hidden", "a/b\\c", "con", "CON", "nul",
            "ünïcödé", "line\nbreak", "100%", "spaced name", "quote\"d", "a~b", "日本語"})
    void namesStayInsideTheDirectoryAndDecodeBack(String database) {
        String file = DatabaseFileNames.fileName(database);

        assertThat(file).doesNotContain("/").doesNotContain("\\").doesNotStartWith(".").endsWith(DatabaseFileNames.SUFFIX);
        assertThat(file.chars()).allMatch(c -> c > 32 && c < 127);
        assertThat(DatabaseFileNames.databaseOf(file)).contains(database);
    }

    @Test
    void namesThatDifferOnlyInCaseGetFilesThatDifferIgnoringCase() {
        Set<String> files = new HashSet<>();
        for (String name : List.of("sales", "Sales", "SALES", "sAles")) {
            files.add(DatabaseFileNames.fileName(name).toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(files).hasSize(4);
    }

    @Test
    void windowsDeviceNamesAreEscaped() {
        assertThat(DatabaseFileNames.fileName("con")).isNotEqualTo("con" + DatabaseFileNames.SUFFIX);
    }

    @Test
    void veryLongNamesAreShortenedWithAHashAndStayDistinct() {
        String a = "ü".repeat(64);
        String b = "ü".repeat(63) + "ö";

        String fileA = DatabaseFileNames.fileName(a);
        String fileB = DatabaseFileNames.fileName(b);

        assertThat(fileA.length()).isLessThanOrEqualTo(DatabaseFileNames.MAX_ENCODED + DatabaseFileNames.SUFFIX.length());
        assertThat(fileA).isNotEqualTo(fileB).contains("~");
        assertThat(DatabaseFileNames.databaseOf(fileA)).isEmpty();
    }
}
