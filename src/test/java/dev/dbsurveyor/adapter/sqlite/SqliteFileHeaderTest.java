package dev.dbsurveyor.adapter.sqlite;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteFileHeaderTest {

    private static byte[] header(int writeVersion, int libraryVersion) {
        byte[] bytes = new byte[100];
        System.arraycopy(SqliteFileHeader.MAGIC, 0, bytes, 0, 16);
        bytes[18] = (byte) writeVersion;
        bytes[19] = (byte) writeVersion;
        bytes[96] = (byte) (libraryVersion >>> 24);
        bytes[97] = (byte) (libraryVersion >>> 16);
        bytes[98] = (byte) (libraryVersion >>> 8);
        bytes[99] = (byte) libraryVersion;
        return bytes;
    }

    @Test
    void theMagicStringMakesAFileASqliteDatabase() {
        assertThat(SqliteFileHeader.parse(header(1, 3_045_001))).contains(new SqliteFileHeader(false, 3_045_001));
        assertThat(SqliteFileHeader.parse("SQLite format 2\0".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(SqliteFileHeader.parse(new byte[0])).isEmpty();
        assertThat(SqliteFileHeader.parse("SQLite format 3".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void walModeAndTheWritersVersionAreRead() {
        SqliteFileHeader header = SqliteFileHeader.parse(header(2, 3_054_001)).orElseThrow();
        assertThat(header.walMode()).isTrue();
        assertThat(header.writerVersion()).isEqualTo("3.54.1");
    }

    @Test
    void aTruncatedHeaderIsStillADatabaseThatWillFailToOpen() {
        byte[] truncated = java.util.Arrays.copyOf(SqliteFileHeader.MAGIC, 40);
        assertThat(SqliteFileHeader.parse(truncated)).contains(new SqliteFileHeader(false, null));
        assertThat(new SqliteFileHeader(false, null).writerVersion()).isNull();
    }

    @Test
    void uriEscapesEveryCharacterThatCouldAddAParameter() {
        assertThat(SqliteConnections.uri(Path.of("/data/a b?mode=rw#x%.db"), false))
                .isEqualTo("file:/data/a%20b%3Fmode%3Drw%23x%25.db?mode=ro");
        assertThat(SqliteConnections.uri(Path.of("/data/ü.db"), true)).isEqualTo("file:/data/%C3%BC.db?mode=ro&immutable=1");
    }
}
