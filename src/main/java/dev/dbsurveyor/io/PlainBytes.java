package dev.dbsurveyor.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A plain file's bytes, read where they are. */
record PlainBytes(Path file) implements EntryBytes {

    @Override
    public InputStream from(long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public void close() {
        // Nothing is held between reads.
    }
}
