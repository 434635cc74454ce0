package dev.dbsurveyor.io.protection;

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
        return new KeepOpenOutputStream(out);
    }

    @Override
    public void close() {
        // It holds no key.
    }
}
