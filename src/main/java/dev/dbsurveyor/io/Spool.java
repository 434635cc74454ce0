package dev.dbsurveyor.io;

import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.ProtectedFiles;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A protected file's decoded content, kept for reading from any offset (a bundle's entries are
 * read by offset, in an order that is not the file's): decoded once, to the end, so that it is
 * authenticated before anything reads it, into a temporary file that is itself encrypted, with
 * AES-CTR under a random key that only this object holds. No plaintext of an encrypted collection
 * reaches the disk, and the file goes when the spool is closed or the process ends.
 */
final class Spool implements EntryBytes {

    private static final int BLOCK = 16;
    private static final int CHUNK = 1 << 16;

    private final FileChannel channel;
    private final byte[] key;
    private final byte[] iv;
    private final long size;

    private Spool(FileChannel channel, byte[] key, byte[] iv, long size) {
        this.channel = channel;
        this.key = key;
        this.iv = iv;
        this.size = size;
    }

    /** Decodes {@code file} whole with {@code keys}; a file that fails to decode or authenticate leaves nothing behind. */
    static Spool of(Path file, Decryption keys) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] iv = new byte[BLOCK];
        random.nextBytes(iv);
        // The counter's low half starts at zero, so that a block's counter is the start plus its number, without a carry.
        Arrays.fill(iv, 8, BLOCK, (byte) 0);
        Path temporary = Files.createTempFile("dbsurveyor-spool-", ".tmp");
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        try {
            Files.deleteIfExists(temporary);
            long size = 0;
            Cipher cipher = cipher(key, iv, 0);
            try (InputStream in = ProtectedFiles.open(file, keys)) {
                byte[] chunk = new byte[CHUNK];
                for (int read; (read = in.read(chunk)) >= 0; ) {
                    byte[] encrypted = cipher.update(chunk, 0, read);
                    if (encrypted != null) {
                        size += write(channel, encrypted, size);
                    }
                }
            }
            return new Spool(channel, key, iv, size);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Arrays.fill(key, (byte) 0);
            throw e;
        }
    }

    private static int write(FileChannel channel, byte[] bytes, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
        }
        return bytes.length;
    }

    @Override
    public InputStream from(long offset) throws IOException {
        long block = offset / BLOCK;
        Cipher cipher = cipher(key, iv, block);
        byte[] skip = new byte[(int) (offset % BLOCK)];
        InputStream in = new InputStream() {
            private long position = block * BLOCK;
            private final byte[] encrypted = new byte[CHUNK];
            private byte[] plain = new byte[0];
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offsetInBytes, int length) throws IOException {
                while (at == plain.length) {
                    if (position >= size) {
                        return -1;
                    }
                    ByteBuffer buffer = ByteBuffer.wrap(encrypted, 0, (int) Math.min(CHUNK, size - position));
                    while (buffer.hasRemaining()) {
                        if (channel.read(buffer, position + buffer.position()) < 0) {
                            throw new IOException("the spooled copy ended early");
                        }
                    }
                    plain = cipher.update(encrypted, 0, buffer.position());
                    plain = plain == null ? new byte[0] : plain;
                    at = 0;
                    position += buffer.position();
                }
                int count = Math.min(length, plain.length - at);
                System.arraycopy(plain, at, bytes, offsetInBytes, count);
                at += count;
                return count;
            }
        };
        in.readNBytes(skip, 0, skip.length);
        return in;
    }

    private static Cipher cipher(byte[] key, byte[] iv, long block) throws IOException {
        byte[] counter = new BigInteger(1, iv).add(BigInteger.valueOf(block)).toByteArray();
        byte[] start = new byte[BLOCK];
        int length = Math.min(counter.length, BLOCK);
        System.arraycopy(counter, counter.length - length, start, BLOCK - length, length);
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(start));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-CTR is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
        try {
            channel.close();
        } catch (IOException ignored) {
            // The file was unlinked when it was made; closing only gives its space back.
        }
    }
}
