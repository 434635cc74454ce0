package dev.dbsurveyor.io.protection;

import java.io.OutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Upstream's passphrase envelope: AES-256-GCM under a key that Argon2id derives from the
 * passphrase. The key is derived once, when this is made (a fraction of a second and 64 MiB), and every
 * file of the run shares its salt; each file has its own random 96-bit nonce, so that a sweep
 * of thousands of files costs one derivation, for the writer and for a reader alike.
 */
public final class PassphraseEncryption implements Encryption {

    /** The shortest passphrase accepted for encrypting, in characters (upstream's rule). */
    public static final int MINIMUM_LENGTH = 8;

    private final SecureRandom random;
    private final KdfParams kdf;
    private final byte[] key;
    private boolean closed;

    private PassphraseEncryption(SecureRandom random, KdfParams kdf, byte[] key) {
        this.random = random;
        this.kdf = kdf;
        this.key = key;
    }

    /**
     * Derives the run's key from {@code passphrase}, which the caller clears afterwards.
     *
     * @throws IllegalArgumentException when it is shorter than {@link #MINIMUM_LENGTH} characters
     */
    public static PassphraseEncryption derive(char[] passphrase) {
        if (Character.codePointCount(passphrase, 0, passphrase.length) < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("the passphrase must be at least " + MINIMUM_LENGTH + " characters long");
        }
        SecureRandom random = new SecureRandom();
        KdfParams kdf = KdfParams.fresh(random);
        return new PassphraseEncryption(random, kdf, kdf.derive(passphrase));
    }

    @Override
    public String extension() {
        return ".enc";
    }

    @Override
    public synchronized OutputStream encrypting(OutputStream out, String name) throws IOException {
        if (closed) {
            throw new IllegalStateException("the passphrase encryption is closed: its key is cleared");
        }
        byte[] nonce = new byte[EnvelopeOutputStream.NONCE_BYTES];
        random.nextBytes(nonce);
        return new EnvelopeOutputStream(out, key, kdf, nonce);
    }

    @Override
    public synchronized void close() {
        closed = true;
        Arrays.fill(key, (byte) 0);
    }
}
