package dev.dbsurveyor.io.protection;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;

/**
 * OpenPGP public-key encryption (RFC 4880: AES-256 with an integrity packet, as {@code gpg}
 * reads it) to every key given; the host that writes needs no secret. Each file is streamed
 * through packets of partial length, so its size never matters.
 */
public final class PublicKeyEncryption implements Encryption {

    private final List<PGPPublicKey> recipients;
    private final SecureRandom random = new SecureRandom();

    private PublicKeyEncryption(List<PGPPublicKey> recipients) {
        this.recipients = List.copyOf(recipients);
    }

    /**
     * The encryption keys of the public key files (armored or binary, as {@code gpg --export}
     * writes them): from each key, its subkeys that may encrypt, else the primary key when it may.
     *
     * @throws ProtectedFileException naming the file when it holds no key that can encrypt
     */
    public static PublicKeyEncryption load(List<Path> keyFiles) throws IOException {
        if (keyFiles.isEmpty()) {
            throw new IllegalArgumentException("no key files");
        }
        List<PGPPublicKey> recipients = new ArrayList<>();
        for (Path file : keyFiles) {
            recipients.addAll(encryptionKeys(file));
        }
        return new PublicKeyEncryption(recipients);
    }

    private static List<PGPPublicKey> encryptionKeys(Path file) throws IOException {
        PGPPublicKeyRingCollection rings;
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
        } catch (PGPException | RuntimeException e) {
            throw new ProtectedFileException(file + " is not an OpenPGP public key file (" + e.getMessage() + ")");
        }
        List<PGPPublicKey> keys = new ArrayList<>();
        for (Iterator<PGPPublicKeyRing> each = rings.getKeyRings(); each.hasNext(); ) {
            PGPPublicKeyRing ring = each.next();
            if (!current(ring.getPublicKey())) {
                continue;
            }
            List<PGPPublicKey> subkeys = new ArrayList<>();
            PGPPublicKey primary = null;
            for (Iterator<PGPPublicKey> keysOfRing = ring.getPublicKeys(); keysOfRing.hasNext(); ) {
                PGPPublicKey key = keysOfRing.next();
                if (!usable(key)) {
                    continue;
                }
                if (key.isMasterKey()) {
                    primary = key;
                } else {
                    subkeys.add(key);
                }
            }
            if (!subkeys.isEmpty()) {
                keys.addAll(subkeys);
            } else if (primary != null) {
                keys.add(primary);
            }
        }
        if (keys.isEmpty()) {
            throw new ProtectedFileException(file + " holds no OpenPGP key that can encrypt (none, or all revoked or expired)");
        }
        return keys;
    }

    /** Whether a key may encrypt now: its algorithm can, it is not revoked or expired, and its flags (when it has any) allow it. */
    private static boolean usable(PGPPublicKey key) {
        if (!key.isEncryptionKey() || !current(key)) {
            return false;
        }
        int flags = flags(key);
        return flags < 0 || (flags & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0;
    }

    /** Whether a key is neither revoked nor expired (a primary key's state is its subkeys' too). */
    private static boolean current(PGPPublicKey key) {
        long valid = key.getValidSeconds();
        return !key.hasRevocation() && !(valid > 0 && key.getCreationTime().toInstant().plusSeconds(valid).isBefore(Instant.now()));
    }

    /** The key flags its self-signatures give, or -1 when they give none. */
    private static int flags(PGPPublicKey key) {
        int flags = -1;
        for (Iterator<PGPSignature> signatures = key.getSignatures(); signatures.hasNext(); ) {
            PGPSignature signature = signatures.next();
            if (signature.getHashedSubPackets() != null && signature.getHashedSubPackets().getKeyFlags() != 0) {
                flags = Math.max(flags, 0) | signature.getHashedSubPackets().getKeyFlags();
            }
        }
        return flags;
    }

    /** How many keys each file is encrypted to. */
    public int recipients() {
        return recipients.size();
    }

    @Override
    public String extension() {
        return ".gpg";
    }

    @Override
    public OutputStream encrypting(OutputStream out, String name) throws IOException {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true).setSecureRandom(random));
        recipients.forEach(key -> generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key).setSecureRandom(random)));
        OutputStream keepOpen = new KeepOpenOutputStream(out);
        OutputStream encrypted;
        try {
            encrypted = generator.open(keepOpen, new byte[1 << 16]);
        } catch (PGPException e) {
            throw new IOException("OpenPGP encryption failed: " + e.getMessage(), e);
        }
        PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
        OutputStream plain = literal.open(encrypted, PGPLiteralData.BINARY, name, new Date(), new byte[1 << 16]);
        return new OutputStream() {
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                plain.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                plain.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                plain.flush();
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                literal.close();
                generator.close();
                keepOpen.close();
            }
        };
    }

    @Override
    public void close() {
        // Public keys are no secret.
    }
}
