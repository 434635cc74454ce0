package dev.dbsurveyor.io.protection;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A zstd stream whose errors (a damaged or truncated frame, a wrong checksum) say so in a
 * {@link ProtectedFileException}. Inside an encrypted file, a zstd error is most often a changed
 * file: the rest of the decrypted stream is then read, so that its authentication fails first
 * and says that instead.
 */
final class ZstdDecoding extends FilterInputStream {

    private final InputStream decrypted;

    ZstdDecoding(InputStream zstd, InputStream decrypted) {
        super(zstd);
        this.decrypted = decrypted;
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

    private ProtectedFileException damaged(IOException e) {
        if (decrypted != null) {
            try {
                decrypted.transferTo(OutputStream.nullOutputStream());
            } catch (DecryptionException changed) {
                return changed;
            } catch (IOException other) {
                // The zstd error is the one to report.
            }
        }
        return new ProtectedFileException("its zstd data is truncated or damaged (" + e.getMessage() + ")", e);
    }
}
