package dev.dbsurveyor.output;

import dev.dbsurveyor.io.protection.KeepOpenOutputStream;
import dev.dbsurveyor.io.protection.OutputProtection;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file being written: a hidden temporary file beside its target, written through its
 * protection (compression, encryption), until {@link #commit} ends every layer, forces the file to
 * disk and renames it over the target; {@link #close} before that deletes it and leaves the
 * target as it was. What reaches the disk is only ever the protected form. Blocking.
 */
final class StagedFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean done;

    private StagedFile(Path target, Path temporary, FileChannel channel, OutputStream out) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.out = out;
    }

    static StagedFile open(Path target, OutputProtection protection) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", ".tmp");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            // Writers such as Jackson close the stream they are given: the channel must stay open to be forced.
            OutputStream file = new KeepOpenOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
            OutputStream protectedOut = protection.wrap(file, contentName(target, protection));
            return new StagedFile(target, temporary, channel, new Finishing(protectedOut, file));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** The name OpenPGP records for the content: the target's, less the encryption's extension. */
    private static String contentName(Path target, OutputProtection protection) {
        String name = target.getFileName().toString();
        String extension = protection.encryption().extension();
        return !extension.isEmpty() && name.endsWith(extension) ? name.substring(0, name.length() - extension.length()) : name;
    }

    /** Where the file's content is written; closing it ends the protection's layers, not the file. */
    OutputStream out() {
        return out;
    }

    /** Ends every layer, forces the file to disk and renames it into place. */
    void commit() throws IOException {
        out.close();
        channel.force(true);
        channel.close();
        AtomicFiles.moveIntoPlace(temporary, target);
        done = true;
    }

    /** Deletes the file unless it was committed. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // Ending the layers only frees what they hold (a zstd context): the file is deleted next.
        }
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The protected stream, closed once: its close ends the layers and flushes the file's buffer. */
    private static final class Finishing extends FilterOutputStream {
        private final OutputStream file;
        private boolean closed;

        Finishing(OutputStream protectedOut, OutputStream file) {
            super(protectedOut);
            this.file = file;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            this.out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            this.out.close();
            file.flush();
        }
    }
}
