package dev.dbsurveyor.io.protection;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream whose close only flushes: for a layer or a writer (Jackson closes what it is given)
 * that must not close the file under it, which still has to be finished, forced and renamed.
 */
public final class KeepOpenOutputStream extends FilterOutputStream {

    public KeepOpenOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
