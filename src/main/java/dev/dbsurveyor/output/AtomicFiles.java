package dev.dbsurveyor.output;

import java.io.IOException;
import dev.dbsurveyor.io.protection.OutputProtection;

import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files whole or not at all: into a temporary file in the target's directory, forced to
 * disk, then renamed over the target (see {@link StagedFile}). A reader never sees half a file, and a failure leaves what
 * was there before. Blocking: call it from a thread that may block.
 */
public final class AtomicFiles {

    /** Writes the content of one file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, OutputProtection.NONE, content);
    }

    /** Writes {@code target} through {@code protection}: only its protected form ever reaches the disk. */
    public static void write(Path target, OutputProtection protection, Content content) throws IOException {
        try (StagedFile file = StagedFile.open(target, protection)) {
            content.writeTo(file.out());
            file.commit();
        }
    }

    /** Renames a finished temporary file over its target, atomically where the file system can. */
    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
