package dev.dbsurveyor.protection;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A zstd stream whose errors (a damaged or truncated frame, a wrong checksum) say so in a {@link ProtectedFileException}. */
final class ZstdDecoding extends FilterInputStream {

    ZstdDecoding(InputStream zstd) {
        super(zstd);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ProtectedFileException e) {
            throw e;
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        try {
            return super.read(bytes, offset, length);
        } catch (ProtectedFileException e) {
            throw e;
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    private static ProtectedFileException damaged(IOException e) {
        return new ProtectedFileException("its zstd data is truncated or damaged (" + e.getMessage() + ")", e);
    }
}
