package dev.dbsurveyor.adapter.sqlite;

import dev.dbsurveyor.server.SqliteLocation;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The databases of a SQLite location: the one file a file URL names, or the files of a directory
 * (and, read recursively, of its subdirectories) that begin with SQLite's magic string, whatever
 * their names. A directory's database is named by its path relative to the directory, with
 * {@code /} between its parts. Files that cannot be read, and subdirectories that cannot be
 * listed, are passed over: what a file is cannot be told without reading it. Symbolic links are
 * not followed into directories, so a sweep never leaves the tree it was given.
 */
final class SqliteFiles {

    private final SqliteLocation location;

    SqliteFiles(SqliteLocation location) {
        this.location = location;
    }

    /** Every database of the location, in name order; a blocking call. */
    List<SqliteFile> list() throws IOException {
        Path root = location.path();
        if (!location.directory()) {
            return List.of(describe(root.getFileName().toString(), root));
        }
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such directory");
        }
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root.toString());
        }
        if (!Files.isReadable(root)) {
            throw new AccessDeniedException(root.toString(), null, "the directory may not be read");
        }
        List<SqliteFile> files = new ArrayList<>();
        int depth = location.recursive() ? Integer.MAX_VALUE : 1;
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() || (attributes.isSymbolicLink() && Files.isRegularFile(file))) {
                    header(file).ifPresent(header -> files.add(new SqliteFile(name(root, file), file, size(file), owner(file), header)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(SqliteFile::name));
        return List.copyOf(files);
    }

    /**
     * The file of database {@code name}, read afresh; a blocking call. A name that is no file of
     * the location (one that would leave its directory, or is not there) fails as a missing file.
     */
    SqliteFile file(String name) throws IOException {
        Path root = location.path();
        if (!location.directory()) {
            if (!name.equals(root.getFileName().toString())) {
                throw new NoSuchFileException(name, null, "not the file the URL names");
            }
            return describe(name, root);
        }
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || file.equals(root) || name.contains("\\") || !name(root, file).equals(name)) {
            throw new NoSuchFileException(name, null, "not a file of " + root);
        }
        return describe(name, file);
    }

    private static SqliteFile describe(String name, Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a file");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString(), null, "the file may not be read");
        }
        SqliteFileHeader header = SqliteFileHeader.read(file).orElse(new SqliteFileHeader(false, null));
        return new SqliteFile(name, file, size(file), owner(file), header);
    }

    private static Optional<SqliteFileHeader> header(Path file) {
        try {
            return SqliteFileHeader.read(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String name(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String owner(Path file) {
        try {
            return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
