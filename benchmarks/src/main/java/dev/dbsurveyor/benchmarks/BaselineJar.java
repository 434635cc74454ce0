package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.output.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * dbsurveyor's jar as a git revision built it, for measuring before and after in the same run:
 * the revision's tree ({@code git archive}) is built offline in a temporary directory, once, and its
 * jar kept in {@code benchmarks/target/baseline-<rev>/dbsurveyor.jar}.
 */
final class BaselineJar {

    private BaselineJar() {
    }

    /** The jar of {@code revision}, relative to {@code root}, built first when missing. */
    static Path of(Path root, String revision) throws IOException, InterruptedException {
        if (!revision.matches("[A-Za-z0-9._/^~-]+") || run(root, "git", "rev-parse", "--quiet", "--verify", revision + "^{commit}") != 0) {
            throw new IllegalArgumentException("--baseline " + revision + " is not a commit of this repository");
        }
        Path jar = Path.of("benchmarks", "target", "baseline-" + revision.replace('/', '_'), "dbsurveyor.jar");
        if (Files.isRegularFile(root.resolve(jar))) {
            return jar;
        }
        Path source = Files.createTempDirectory("dbsurveyor-baseline-");
        try {
            System.out.println("building the jar of " + revision + " in " + source);
            if (run(root, "sh", "-c", "git archive --format=tar \"$0\" | tar -x -C \"$1\"", revision, source.toString()) != 0
                    || run(source, "./mvnw", "-B", "-q", "-o", "-DskipTests", "package") != 0) {
                throw new IllegalStateException("could not build the jar of " + revision);
            }
            Files.createDirectories(root.resolve(jar).getParent());
            Files.copy(source.resolve("target/dbsurveyor.jar"), root.resolve(jar), StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } finally {
            try {
                FileTrees.delete(source);
            } catch (IOException e) {
                System.err.println("could not delete " + source + ": " + e.getMessage());
            }
        }
    }

    private static int run(Path directory, String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start().waitFor();
    }
}
