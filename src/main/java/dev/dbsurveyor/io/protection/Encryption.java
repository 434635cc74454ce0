package dev.dbsurveyor.io.protection;

import java.io.IOException;
import java.io.OutputStream;

/**
 * How output files are encrypted: not at all, with upstream's passphrase envelope, or with
 * OpenPGP to public keys. Closing one clears the key material it holds.
 */
public sealed interface Encryption extends AutoCloseable permits NoEncryption, PassphraseEncryption, PublicKeyEncryption {

    /** What it appends to a file name: {@code ""}, {@code ".enc"} or {@code ".gpg"}. */
    String extension();

    /**
     * A stream that encrypts into {@code out}; closing it ends the encrypted form but leaves
     * {@code out} open. {@code name} is the file's name, which OpenPGP records.
     */
    OutputStream encrypting(OutputStream out, String name) throws IOException;

    @Override
    void close();
}
