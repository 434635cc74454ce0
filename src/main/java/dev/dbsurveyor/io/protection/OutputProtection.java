package dev.dbsurveyor.io.protection;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * How a run's files are written: compressed with zstd at a level (0 for not at all), then
 * encrypted or not. Each layer appends its extension to the file's name ({@code .zst}, then
 * {@code .enc} or {@code .gpg}). Closing it clears the encryption's key material.
 */
public record OutputProtection(int compressionLevel, Encryption encryption) implements AutoCloseable {

    /** Plain JSON. */
    public static final OutputProtection NONE = new OutputProtection(0, NoEncryption.INSTANCE);

    /** zstd's level when none is given, as upstream and the {@code zstd} command compress. */
    public static final int DEFAULT_LEVEL = 3;

    public OutputProtection {
        if (compressionLevel < 0 || compressionLevel > 22) {
            throw new IllegalArgumentException("the zstd level must be from 1 to 22 (0 for none), not " + compressionLevel);
        }
    }

    /** Compressed at {@code level}, not encrypted. */
    public static OutputProtection compressed(int level) {
        return new OutputProtection(level, NoEncryption.INSTANCE);
    }

    public boolean compressed() {
        return compressionLevel > 0;
    }

    public boolean isNone() {
        return !compressed() && encryption instanceof NoEncryption;
    }

    /** What is appended to a file's name: {@code ""}, {@code ".zst"}, {@code ".enc"}, {@code ".zst.gpg"} and so on. */
    public String suffix() {
        return (compressed() ? ".zst" : "") + encryption.extension();
    }

    /** A file of ours named {@code name} as this writes it. */
    public String fileName(String name) {
        return name + suffix();
    }

    /**
     * A file name a user gave, with the extensions {@code suffix} of a protection (its
     * {@link #suffix()}): any of {@code .zst}, {@code .enc} and {@code .gpg} it ends with is
     * replaced by them.
     */
    public static Path userFile(Path file, String suffix) {
        return file.resolveSibling(ProtectedFiles.plainName(file.getFileName().toString()) + suffix);
    }

    /**
     * A stream that writes {@code name}'s content, protected, into {@code out}; closing it ends
     * every layer (the zstd frame, the envelope's tag, the OpenPGP packets) but leaves {@code out} open.
     */
    public OutputStream wrap(OutputStream out, String name) throws IOException {
        OutputStream encrypted = encryption.encrypting(out, name);
        if (!compressed()) {
            return encrypted;
        }
        // Closed by every writer; a finalizer would only keep each file's buffers alive until a later GC.
        ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(encrypted, RecyclingBufferPool.INSTANCE);
        zstd.setLevel(compressionLevel);
        zstd.setChecksum(true);
        return zstd;
    }

    @Override
    public void close() {
        encryption.close();
    }
}
