package dev.dbsurveyor.server;

import java.nio.file.Path;

/**
 * Where a {@code sqlite://} URL points: one database file, or a directory whose SQLite files are
 * the databases of a "server". {@code path} is absolute and normalized; {@code recursive} descends
 * into subdirectories; {@code immutable} opens every file as on read-only media (SQLite's
 * {@code immutable=1}: no locks, no journal, no change expected while reading).
 */
public record SqliteLocation(Path path, boolean directory, boolean recursive, boolean immutable) {

    public SqliteLocation {
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("a SQLite location is an absolute path: " + path);
        }
        path = path.normalize();
        if (recursive && !directory) {
            throw new IllegalArgumentException("only a directory is read recursively");
        }
    }

    /** This location read recursively or not, and immutable or not. */
    public SqliteLocation with(boolean recursively, boolean asImmutable) {
        return new SqliteLocation(path, directory, recursively, asImmutable);
    }
}
