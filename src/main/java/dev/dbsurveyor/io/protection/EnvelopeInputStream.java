package dev.dbsurveyor.io.protection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads upstream's passphrase envelope as a stream of plaintext, with a fixed buffer whatever the
 * file's size. A file that gives {@code kdf_params} and {@code nonce} before {@code ciphertext}
 * (as dbsurveyor writes it) is read in one pass; one that gives them after (as upstream writes it)
 * is read twice, the first time to find them. The plaintext is not authenticated until the end:
 * reaching the end of the stream checks the tag, and a wrong passphrase or a changed file fails
 * there with a {@link DecryptionException}. A reader must read to the end before it trusts or
 * keeps anything.
 */
final class EnvelopeInputStream extends InputStream {

    /** The AES key for an envelope's parameters. */
    @FunctionalInterface
    interface KeySource {
        /** The key, a copy the stream clears. @throws DecryptionException when there is no passphrase */
        byte[] key(KdfParams kdf) throws DecryptionException;
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonParser parser;
    private final GCMModeCipher cipher;
    private final byte[] tagOrNull;
    private final byte[] encrypted = new byte[8192];
    // Room for one chunk, the bytes the cipher holds back (up to a block and a tag) and the last ones.
    private final byte[] plain = new byte[2 * 8192 + 64];
    private int plainStart;
    private int plainEnd;
    private boolean ended;

    private EnvelopeInputStream(JsonParser parser, GCMModeCipher cipher, byte[] tagOrNull) {
        this.parser = parser;
        this.cipher = cipher;
        this.tagOrNull = tagOrNull;
    }

    /** Whether {@code field} is one of the envelope's own, as the first field of a JSON object tells an envelope from a document. */
    static boolean isEnvelopeField(String field) {
        return switch (field) {
            case "algorithm", "nonce", "ciphertext", "auth_tag", "kdf_params" -> true;
            default -> false;
        };
    }

    static EnvelopeInputStream open(Path file, KeySource keys) throws IOException {
        JsonParser parser = JSON.createParser(file.toFile());
        try {
            Header header = new Header();
            header.readUntilCiphertext(parser);
            if (!header.readyToStream()) {
                parser.skipChildren();
                header.readRest(parser);
                parser.close();
                parser = JSON.createParser(file.toFile());
                new Header().readUntilCiphertext(parser);
            }
            header.check();
            byte[] key = keys.key(header.kdf);
            GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
            try {
                cipher.init(false, new AEADParameters(new KeyParameter(key), EnvelopeOutputStream.TAG_BYTES * 8, header.nonce));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            return new EnvelopeInputStream(parser, cipher, header.tag);
        } catch (JsonProcessingException e) {
            parser.close();
            throw damaged(e);
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (plainStart == plainEnd) {
            if (ended) {
                return -1;
            }
            fill();
        }
        int count = Math.min(length, plainEnd - plainStart);
        System.arraycopy(plain, plainStart, bytes, offset, count);
        plainStart += count;
        return count;
    }

    private void fill() throws IOException {
        try {
            int count = 0;
            JsonToken token = null;
            while (count < encrypted.length && (token = parser.nextToken()) == JsonToken.VALUE_NUMBER_INT) {
                int value = parser.getIntValue();
                if (value < 0 || value > 255) {
                    throw new ProtectedFileException("it is damaged: its ciphertext holds " + value + ", which is no byte");
                }
                encrypted[count++] = (byte) value;
            }
            plainStart = 0;
            plainEnd = cipher.processBytes(encrypted, 0, count, plain, 0);
            if (count < encrypted.length) {
                if (token != JsonToken.END_ARRAY) {
                    throw new ProtectedFileException("it is damaged: its ciphertext is not an array of bytes");
                }
                finish();
            }
        } catch (JsonProcessingException e) {
            throw damaged(e);
        }
    }

    /** Reads the fields after the ciphertext, then checks the tag: the plaintext is trusted only from here. */
    private void finish() throws IOException {
        Header rest = new Header();
        rest.readRest(parser);
        if (parser.nextToken() != null) {
            throw new ProtectedFileException("it is damaged: something follows the envelope");
        }
        byte[] tag = tagOrNull != null ? tagOrNull : rest.tag;
        if (tag == null || tag.length != EnvelopeOutputStream.TAG_BYTES) {
            throw new ProtectedFileException("it is not a complete envelope: its auth_tag is missing or not 16 bytes");
        }
        int more = cipher.processBytes(tag, 0, tag.length, plain, plainEnd);
        try {
            plainEnd += more;
            plainEnd += cipher.doFinal(plain, plainEnd);
        } catch (InvalidCipherTextException e) {
            plainStart = plainEnd = 0;
            throw new DecryptionException("wrong passphrase, or the file was changed after it was written (its authentication failed)");
        }
        ended = true;
        parser.close();
    }

    @Override
    public void close() throws IOException {
        parser.close();
        Arrays.fill(plain, (byte) 0);
    }

    private static ProtectedFileException damaged(JsonProcessingException e) {
        return new ProtectedFileException("it is truncated or damaged (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    }

    /** The envelope's fields other than the ciphertext, as far as they have been read. */
    private static final class Header {
        private String algorithm;
        private byte[] nonce;
        private byte[] tag;
        private KdfParams kdf;

        /** Reads fields up to {@code ciphertext}, leaving the parser on its array's start. */
        void readUntilCiphertext(JsonParser parser) throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ProtectedFileException("it is not an envelope: not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("ciphertext")) {
                    if (parser.currentToken() != JsonToken.START_ARRAY) {
                        throw new ProtectedFileException("it is damaged: its ciphertext is not an array of bytes");
                    }
                    return;
                }
                field(parser, field);
            }
            throw new ProtectedFileException("it is not a complete envelope: it has no ciphertext");
        }

        /** Reads the fields after the ciphertext, up to the end of the object. */
        void readRest(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                field(parser, field);
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new ProtectedFileException("it is damaged: the envelope does not end as a JSON object");
            }
        }

        boolean readyToStream() {
            return algorithm != null && nonce != null && kdf != null;
        }

        void check() throws ProtectedFileException {
            if (algorithm == null || nonce == null || kdf == null) {
                throw new ProtectedFileException("it is not a complete envelope: it lacks "
                        + (algorithm == null ? "algorithm" : nonce == null ? "nonce" : "kdf_params"));
            }
            if (!algorithm.equals(EnvelopeOutputStream.ALGORITHM)) {
                throw new ProtectedFileException("it is encrypted with " + algorithm + ", which dbsurveyor does not read");
            }
            if (nonce.length != EnvelopeOutputStream.NONCE_BYTES) {
                throw new ProtectedFileException("it is damaged: its nonce is " + nonce.length + " bytes, not 12");
            }
            kdf.checked();
        }

        private void field(JsonParser parser, String field) throws IOException {
            switch (field) {
                case "algorithm" -> algorithm = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : "";
                case "nonce" -> nonce = bytes(parser, field);
                case "auth_tag" -> tag = bytes(parser, field);
                case "kdf_params" -> kdf = kdf(parser);
                default -> parser.skipChildren();
            }
        }

        private static KdfParams kdf(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new ProtectedFileException("it is damaged: its kdf_params is not an object");
            }
            byte[] salt = null;
            long memory = -1;
            long iterations = -1;
            long parallelism = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "salt" -> salt = bytes(parser, "kdf_params.salt");
                    case "memory_cost" -> memory = number(parser, field);
                    case "time_cost" -> iterations = number(parser, field);
                    case "parallelism" -> parallelism = number(parser, field);
                    default -> parser.skipChildren();
                }
            }
            if (salt == null || memory < 0 || iterations < 0 || parallelism < 0) {
                throw new ProtectedFileException("it is not a complete envelope: its kdf_params lacks salt, memory_cost, time_cost or parallelism");
            }
            if (memory > Integer.MAX_VALUE || iterations > Integer.MAX_VALUE || parallelism > Integer.MAX_VALUE) {
                throw new ProtectedFileException("its key derivation asks for more than dbsurveyor allows");
            }
            return new KdfParams(salt, (int) memory, (int) iterations, (int) parallelism);
        }

        private static long number(JsonParser parser, String field) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw new ProtectedFileException("it is damaged: kdf_params." + field + " is not a whole number");
            }
            return parser.getLongValue();
        }

        private static byte[] bytes(JsonParser parser, String field) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw new ProtectedFileException("it is damaged: its " + field + " is not an array of bytes");
            }
            byte[] bytes = new byte[16];
            int count = 0;
            while (parser.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                long value = parser.getLongValue();
                if (value < 0 || value > 255 || count == 1024) {
                    throw new ProtectedFileException("it is damaged: its " + field + " is not an array of bytes");
                }
                if (count == bytes.length) {
                    bytes = Arrays.copyOf(bytes, count * 2);
                }
                bytes[count++] = (byte) value;
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new ProtectedFileException("it is damaged: its " + field + " is not an array of bytes");
            }
            return Arrays.copyOf(bytes, count);
        }
    }
}
