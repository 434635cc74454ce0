package dev.dbsurveyor.io.protection;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes upstream's passphrase envelope as a stream: {@code algorithm}, {@code kdf_params} and
 * {@code nonce} first, then {@code ciphertext} as the bytes are encrypted, then {@code auth_tag}
 * when the stream is closed, so that a file of any size is written in one pass with a fixed
 * buffer. Upstream's reader takes the fields in any order. Byte strings are JSON arrays of
 * integers, as upstream writes them; there is no associated data. Closing finishes the envelope
 * but not the stream under it.
 */
final class EnvelopeOutputStream extends OutputStream {

    static final String ALGORITHM = "AES-GCM-256";
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final byte[][] DECIMALS = new byte[256][];

    static {
        for (int value = 0; value < 256; value++) {
            DECIMALS[value] = Integer.toString(value).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final OutputStream out;
    private final GCMModeCipher cipher;
    private final byte[] encrypted = new byte[8192 + TAG_BYTES];
    private final byte[] text = new byte[4 * encrypted.length];
    private boolean first = true;
    private boolean closed;

    /** Starts an envelope on {@code out} under {@code key}, derived with {@code kdf}, with {@code nonce} (12 bytes, never reused with that key). */
    EnvelopeOutputStream(OutputStream out, byte[] key, KdfParams kdf, byte[] nonce) throws IOException {
        this.out = out;
        this.cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(true, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce));
        ascii("{\"algorithm\":\"" + ALGORITHM + "\",\"kdf_params\":{\"salt\":");
        array(kdf.salt());
        ascii(",\"memory_cost\":" + kdf.memoryKib() + ",\"time_cost\":" + kdf.iterations() + ",\"parallelism\":" + kdf.parallelism()
                + ",\"version\":\"" + KdfParams.VERSION + "\"},\"nonce\":");
        array(nonce);
        ascii(",\"ciphertext\":[");
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the envelope is closed");
        }
        while (length > 0) {
            int chunk = Math.min(length, 8192);
            int produced = cipher.processBytes(bytes, offset, chunk, encrypted, 0);
            ciphertext(encrypted, produced);
            offset += chunk;
            length -= chunk;
        }
    }

    /** Ends the ciphertext, writes the tag and closes the object; the stream under it stays open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        int produced;
        try {
            produced = cipher.doFinal(encrypted, 0);
        } catch (InvalidCipherTextException e) {
            throw new IOException("encryption failed", e);
        }
        ciphertext(encrypted, produced - TAG_BYTES);
        ascii("],\"auth_tag\":");
        array(Arrays.copyOfRange(encrypted, produced - TAG_BYTES, produced));
        ascii("}");
        out.flush();
        Arrays.fill(encrypted, (byte) 0);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    private void ciphertext(byte[] bytes, int length) throws IOException {
        int at = 0;
        for (int i = 0; i < length; i++) {
            if (!first) {
                text[at++] = ',';
            }
            first = false;
            byte[] decimal = DECIMALS[bytes[i] & 0xff];
            System.arraycopy(decimal, 0, text, at, decimal.length);
            at += decimal.length;
        }
        out.write(text, 0, at);
    }

    private void array(byte[] bytes) throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < bytes.length; i++) {
            json.append(i == 0 ? "" : ",").append(bytes[i] & 0xff);
        }
        ascii(json.append(']').toString());
    }

    private void ascii(String json) throws IOException {
        out.write(json.getBytes(StandardCharsets.US_ASCII));
    }
}
