package dev.dbsurveyor.adapter.sqlite;

import java.nio.file.Path;

/** One SQLite file of a location: the database it is ({@code name}), where it lies, its size, owner and header. */
record SqliteFile(String name, Path path, long sizeBytes, String owner, SqliteFileHeader header) {
}
