package dev.dbsurveyor.io.protection;

import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an OpenPGP message encrypted to a public key (as {@code --encrypt-to} and
 * {@code gpg --encrypt} write it) as a stream of its literal data, with a secret key of a
 * {@link Decryption}. Its integrity packet is checked when the stream reaches its end; a message
 * without one is refused, since it cannot be authenticated.
 */
final class OpenPgpInputStream extends FilterInputStream {

    private final PGPPublicKeyEncryptedData encrypted;
    private final InputStream file;
    private boolean checked;

    private OpenPgpInputStream(InputStream literal, PGPPublicKeyEncryptedData encrypted, InputStream file) {
        super(literal);
        this.encrypted = encrypted;
        this.file = file;
    }

    /** The message {@code raw} holds; the stream returned closes {@code raw}, which the caller closes if this fails. */
    static InputStream open(InputStream raw, Decryption keys) throws IOException {
        try {
            BcPGPObjectFactory objects = new BcPGPObjectFactory(PGPUtil.getDecoderStream(raw));
            Object first = objects.nextObject();
            while (first instanceof PGPMarker) {
                first = objects.nextObject();
            }
            if (!(first instanceof PGPEncryptedDataList list)) {
                throw new ProtectedFileException("it is an OpenPGP file but not an encrypted message");
            }
            List<String> recipients = new ArrayList<>();
            boolean passphrase = false;
            for (PGPEncryptedData data : list) {
                if (data instanceof PGPPublicKeyEncryptedData publicKeyData) {
                    Optional<PGPPrivateKey> key = keys.privateKey(publicKeyData.getKeyID());
                    if (key.isPresent()) {
                        if (!publicKeyData.isIntegrityProtected()) {
                            throw new ProtectedFileException("it is encrypted without an integrity check, which dbsurveyor refuses to trust");
                        }
                        InputStream clear = publicKeyData.getDataStream(new BcPublicKeyDataDecryptorFactory(key.get()));
                        return new OpenPgpInputStream(literal(clear), publicKeyData, raw);
                    }
                    recipients.add(String.format("%016X", publicKeyData.getKeyID()));
                } else if (data instanceof PGPPBEEncryptedData) {
                    passphrase = true;
                }
            }
            if (recipients.isEmpty()) {
                throw new ProtectedFileException(passphrase ? "it is encrypted with a passphrase (gpg --symmetric), which dbsurveyor does not read: "
                        + "encrypt it to a public key" : "its OpenPGP message is encrypted to no key");
            }
            throw new DecryptionException("it is encrypted to " + String.join(", ", recipients) + (keys.hasKeyFiles()
                    ? ", and no --decrypt-key holds a secret key for it" : ": give the secret key with --decrypt-key KEYFILE"));
        } catch (PGPException e) {
            throw new DecryptionException("it does not decrypt with the key given (" + e.getMessage() + ")", e);
        } catch (ProtectedFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
    }

    private static InputStream literal(InputStream clear) throws IOException, PGPException {
        Object message = new BcPGPObjectFactory(clear).nextObject();
        if (message instanceof PGPCompressedData compressed) {
            message = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
        }
        if (message instanceof PGPOnePassSignatureList) {
            throw new ProtectedFileException("it is a signed OpenPGP message, which dbsurveyor does not read: encrypt it without signing");
        }
        if (!(message instanceof PGPLiteralData literal)) {
            throw new ProtectedFileException("its OpenPGP message holds no data");
        }
        return literal.getInputStream();
    }

    @Override
    public int read() throws IOException {
        try {
            return guarded(super.read());
        } catch (ProtectedFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        try {
            return guarded(super.read(bytes, offset, length));
        } catch (ProtectedFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
    }

    private static ProtectedFileException damaged(Exception e) {
        return new ProtectedFileException("it is a truncated or damaged OpenPGP message (" + e.getClass().getSimpleName()
                + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")", e);
    }

    /** Checks the integrity packet once the data has ended; every read after a failed check fails again. */
    private int guarded(int result) throws IOException {
        if (result < 0 && !checked) {
            try {
                if (!encrypted.verify()) {
                    throw new DecryptionException("the file was changed after it was written (its integrity check failed)");
                }
            } catch (PGPException e) {
                throw new DecryptionException("the file was changed after it was written (" + e.getMessage() + ")", e);
            }
            checked = true;
        }
        return result;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            file.close();
        }
    }
}
