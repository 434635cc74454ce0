package dev.dbsurveyor.io;

import java.io.IOException;
import java.io.InputStream;

/** A collection file's decoded bytes, read from any offset: the file itself when it is plain, a {@link Spool} when it is protected. */
sealed interface EntryBytes extends AutoCloseable permits PlainBytes, Spool {

    /** A stream of the bytes from {@code offset} on. */
    InputStream from(long offset) throws IOException;

    @Override
    void close();
}
