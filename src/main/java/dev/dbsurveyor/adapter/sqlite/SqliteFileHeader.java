package dev.dbsurveyor.adapter.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The first 100 bytes of a SQLite file, as SQLite's file format page lays them out: what makes a
 * file a SQLite database (its 16-byte magic string), whether it is in WAL mode, and the version of
 * the SQLite library that last wrote it. A file may carry the magic string and still be corrupt.
 */
record SqliteFileHeader(boolean walMode, Integer writerVersionNumber) {

    /** {@code "SQLite format 3"} and its terminating zero byte. */
    static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    static final int LENGTH = 100;

    /** The header of {@code file}, or empty when the file does not start with the magic string. */
    static Optional<SqliteFileHeader> read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(LENGTH);
        }
        return parse(bytes);
    }

    static Optional<SqliteFileHeader> parse(byte[] bytes) {
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        if (bytes.length < LENGTH) {
            return Optional.of(new SqliteFileHeader(false, null));
        }
        boolean wal = bytes[18] == 2 && bytes[19] == 2;
        int version = ((bytes[96] & 0xff) << 24) | ((bytes[97] & 0xff) << 16) | ((bytes[98] & 0xff) << 8) | (bytes[99] & 0xff);
        return Optional.of(new SqliteFileHeader(wal, version > 0 ? version : null));
    }

    /** The writer's version as SQLite writes it, {@code 3.45.1} for 3045001; null when the header does not say. */
    String writerVersion() {
        if (writerVersionNumber == null) {
            return null;
        }
        int number = writerVersionNumber;
        return (number / 1_000_000) + "." + (number / 1_000 % 1_000) + "." + (number % 1_000);
    }
}
