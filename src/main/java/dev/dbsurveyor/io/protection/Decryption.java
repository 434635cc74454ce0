package dev.dbsurveyor.io.protection;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a reader opens encrypted files with: a passphrase for upstream's envelope, and OpenPGP
 * secret key files for files encrypted to public keys. Secrets are asked for only when a file
 * needs them; a key derived from the passphrase is kept for the next file with the same salt (a
 * directory of thousands of files costs one derivation). Closing clears what it holds. Shared by
 * the threads of one reader.
 */
public final class Decryption implements AutoCloseable {

    /** Where a secret comes from when it is needed: the environment, a prompt; empty when there is none. */
    @FunctionalInterface
    public interface Secret {
        /** A copy the caller clears after use. */
        Optional<char[]> get();
    }

    private static final Secret NONE = Optional::empty;

    private final Secret passphrase;
    private final List<PGPSecretKeyRingCollection> keyRings;
    private final List<Path> keyFiles;
    private final Secret keyPassphrase;
    private final Map<String, byte[]> derived = new HashMap<>();
    private final Map<Long, PGPPrivateKey> unlocked = new HashMap<>();

    private Decryption(Secret passphrase, List<PGPSecretKeyRingCollection> keyRings, List<Path> keyFiles, Secret keyPassphrase) {
        this.passphrase = passphrase;
        this.keyRings = List.copyOf(keyRings);
        this.keyFiles = List.copyOf(keyFiles);
        this.keyPassphrase = keyPassphrase;
    }

    /** No keys: compressed files open, encrypted ones fail with a {@link DecryptionException} that says what to give. */
    public static Decryption none() {
        return new Decryption(NONE, List.of(), List.of(), NONE);
    }

    /** A passphrase for envelopes, and nothing for OpenPGP. */
    public static Decryption withPassphrase(Secret passphrase) {
        return new Decryption(passphrase, List.of(), List.of(), NONE);
    }

    /**
     * A passphrase for envelopes and the secret keys of {@code keyFiles} (armored or binary, as
     * {@code gpg --export-secret-keys} writes them), unlocked with {@code keyPassphrase} when they
     * are protected. The files are read now.
     *
     * @throws ProtectedFileException naming a file that holds no OpenPGP secret key
     */
    public static Decryption of(Secret passphrase, List<Path> keyFiles, Secret keyPassphrase) throws IOException {
        List<PGPSecretKeyRingCollection> rings = new ArrayList<>();
        for (Path file : keyFiles) {
            try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
                PGPSecretKeyRingCollection collection = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
                if (collection.size() == 0) {
                    throw new ProtectedFileException(file + " holds no OpenPGP secret key");
                }
                rings.add(collection);
            } catch (PGPException | RuntimeException e) {
                throw new ProtectedFileException(file + " is not an OpenPGP secret key file (" + e.getMessage() + ")");
            }
        }
        return new Decryption(passphrase, rings, keyFiles, keyPassphrase);
    }

    /** The AES key of an envelope with these parameters, a copy the caller clears. */
    synchronized byte[] envelopeKey(KdfParams kdf) throws DecryptionException {
        byte[] key = derived.get(kdf.cacheKey());
        if (key == null) {
            char[] secret = passphrase.get().orElseThrow(() -> new DecryptionException(
                    "it is encrypted with a passphrase: set DBSURVEYOR_ENCRYPTION_PASSWORD, or run on a terminal to be asked for it"));
            try {
                key = kdf.derive(secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
            derived.put(kdf.cacheKey(), key);
        }
        return key.clone();
    }

    /** The unlocked private key with {@code keyId}, or empty when no key file holds it. */
    synchronized Optional<PGPPrivateKey> privateKey(long keyId) throws DecryptionException {
        PGPPrivateKey known = unlocked.get(keyId);
        if (known != null) {
            return Optional.of(known);
        }
        for (int i = 0; i < keyRings.size(); i++) {
            PGPSecretKey secret = keyRings.get(i).getSecretKey(keyId);
            if (secret != null) {
                PGPPrivateKey key = unlock(secret, keyFiles.get(i));
                unlocked.put(keyId, key);
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** Whether any secret key file was given. */
    boolean hasKeyFiles() {
        return !keyRings.isEmpty();
    }

    private PGPPrivateKey unlock(PGPSecretKey secret, Path file) throws DecryptionException {
        if (secret.getKeyEncryptionAlgorithm() == SymmetricKeyAlgorithmTags.NULL) {
            try {
                return secret.extractPrivateKey(null);
            } catch (PGPException e) {
                throw new DecryptionException("the key in " + file + " cannot be read (" + e.getMessage() + ")");
            }
        }
        char[] pass = keyPassphrase.get().orElseThrow(() -> new DecryptionException("the key in " + file
                + " is protected: set DBSURVEYOR_DECRYPT_KEY_PASSWORD, or run on a terminal to be asked for its passphrase"));
        try {
            return secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(pass));
        } catch (PGPException e) {
            throw new DecryptionException("the key in " + file + " does not unlock: wrong passphrase");
        } finally {
            Arrays.fill(pass, '\0');
        }
    }

    /** Clears the keys derived from the passphrase and forgets the unlocked private keys. */
    @Override
    public synchronized void close() {
        derived.values().forEach(key -> Arrays.fill(key, (byte) 0));
        derived.clear();
        unlocked.clear();
    }
}
