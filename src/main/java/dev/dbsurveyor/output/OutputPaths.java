package dev.dbsurveyor.output;

import dev.dbsurveyor.config.ConfigurationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks an output path before anything connects: writable, and not about to replace output unless asked. */
public final class OutputPaths {

    private OutputPaths() {
    }

    /** @throws ConfigurationException when the file exists (without {@code force}) or its directory is not writable */
    public static void checkFile(Path file, boolean force) {
        Path directory = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new ConfigurationException("Output " + file + " is a directory: give a file name, or use --output-dir");
        }
        if (Files.exists(file) && !force) {
            throw new ConfigurationException("Output " + file + " already exists: pass --force to replace it");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw new ConfigurationException("Cannot write " + file + ": directory " + directory + " does not exist");
        }
        if (!Files.isWritable(directory)) {
            throw new ConfigurationException("Cannot write " + file + ": directory " + directory + " is not writable");
        }
    }

    /**
     * The manifest {@code directory} holds in another form than a run whose files end in
     * {@code suffix} writes ({@code manifest.json} where the run writes {@code manifest.json.zst.enc},
     * say), if any.
     */
    public static Optional<String> manifestOfAnotherForm(Path directory, String suffix) {
        String own = DirectoryWriter.MANIFEST + suffix;
        return DirectoryWriter.manifests(directory).stream().map(file -> file.getFileName().toString()).filter(name -> !name.equals(own))
                .findFirst();
    }

    /** Creates the directory if needed. @throws ConfigurationException when it is a non-empty directory (without {@code force}) or not writable */
    public static void prepareDirectory(Path directory, boolean force) {
        try {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new ConfigurationException("Output directory " + directory + " is a file: give a directory");
            }
            if (Files.isDirectory(directory)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isPresent() && !force) {
                        throw new ConfigurationException("Output directory " + directory + " is not empty: pass --force to write into it");
                    }
                }
            } else {
                Files.createDirectories(directory);
            }
            if (!Files.isWritable(directory)) {
                throw new ConfigurationException("Output directory " + directory + " is not writable");
            }
        } catch (IOException e) {
            throw new ConfigurationException("Cannot use output directory " + directory + ": " + e.getMessage());
        }
    }
}
