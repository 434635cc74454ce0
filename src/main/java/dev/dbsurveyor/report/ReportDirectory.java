package dev.dbsurveyor.report;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.output.FileTrees;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where a report is written: a hidden directory beside the target, moved into place when the
 * report is whole, so that an interrupted or failed run leaves the target as it was. With
 * {@code force} it replaces a directory that is empty or holds an earlier report (which it marks
 * with {@value #MARKER}); any other directory is refused, so that {@code --force} never deletes
 * files the report did not write.
 */
public final class ReportDirectory implements AutoCloseable {

    /** The file that marks a directory as a report dbsurveyor wrote. */
    public static final String MARKER = ".dbsurveyor-report";

    private final Path target;
    private final Path staging;
    private boolean committed;

    private ReportDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks {@code target} and starts the staging directory beside it.
     *
     * @throws ConfigurationException when the target is a file, a directory that is not empty (without {@code force}), a
     *                                directory that holds something other than a report, or in a directory that cannot be written
     */
    public static ReportDirectory open(Path target, boolean force) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new ConfigurationException("Output " + target + " is a file: give a directory");
        }
        if (Files.isDirectory(absolute) && !isEmpty(absolute)) {
            if (!force) {
                throw new ConfigurationException("Output directory " + target + " is not empty: pass --force to replace the report in it");
            }
            if (!Files.exists(absolute.resolve(MARKER))) {
                throw new ConfigurationException("Output directory " + target + " holds files that are not a dbsurveyor report: "
                        + "give another directory (--force replaces only an earlier report)");
            }
        }
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createDirectory(parent.resolve("." + absolute.getFileName() + ".report-" + UUID.randomUUID()));
            Files.createFile(staging.resolve(MARKER));
            return new ReportDirectory(absolute, staging);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot write a report in " + parent + ": " + e.getMessage());
        }
    }

    /** The directory to write the report's files into. */
    public Path staging() {
        return staging;
    }

    /** Moves the whole report into place, replacing the earlier one. */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            move(target, old);
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            throw e;
        }
        committed = true;
        if (old != null) {
            FileTrees.delete(old);
        }
    }

    /** Deletes the staging directory of a report that was not committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            FileTrees.delete(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read output directory " + directory + ": " + e.getMessage());
        }
    }
}
