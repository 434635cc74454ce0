package dev.dbsurveyor.protection;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Output written as it is. */
public enum NoEncryption implements Encryption {
    INSTANCE;

    @Override
    public String extension() {
        return "";
    }

    @Override
    public OutputStream encrypting(OutputStream out, String name) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                this.out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    @Override
    public void close() {
        // It holds no key.
    }
}
