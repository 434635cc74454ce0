package dev.dbsurveyor.io.protection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens any file dbsurveyor reads, plain or protected: each layer is recognised by its content,
 * not its name (a zstd frame by its magic number, OpenPGP by its packet header or armor, upstream's
 * envelope by its first field), and undone with the keys of a {@link Decryption}, zstd inside
 * encryption included. Encrypted content is authenticated only when its stream reaches the end:
 * {@link #read} and {@link #readAllBytes} authenticate it before they return anything. Blocking.
 */
public final class ProtectedFiles {

    /** What protected files' names end with, layer by layer. */
    public static final List<String> EXTENSIONS = List.of(".zst", ".enc", ".gpg");

    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
    private static final byte[] PGP_ARMOR = "-----BEGIN PGP MESSAGE-----".getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX = 4096;
    private static final JsonFactory JSON = new JsonFactory();

    private ProtectedFiles() {
    }

    /** Work on a file's decoded content, such as parsing it. */
    @FunctionalInterface
    public interface ContentWork<T> {
        T read(InputStream content) throws IOException;
    }

    /** What a file's first bytes say it is. */
    public enum Form {
        PLAIN, ZSTD, ENVELOPE, OPENPGP
    }

    /** {@code name} without the protection extensions it ends with. */
    public static String plainName(String name) {
        String plain = name;
        for (boolean stripped = true; stripped; ) {
            stripped = false;
            for (String extension : EXTENSIONS) {
                if (plain.endsWith(extension) && plain.length() > extension.length()) {
                    plain = plain.substring(0, plain.length() - extension.length());
                    stripped = true;
                }
            }
        }
        return plain;
    }

    /** Every name dbsurveyor gives the file {@code plainName} in some protection: itself, {@code .zst}, {@code .enc}, {@code .zst.gpg}… */
    public static List<String> namesOf(String plainName) {
        List<String> names = new ArrayList<>();
        for (String compression : List.of("", ".zst")) {
            for (String encryption : List.of("", ".enc", ".gpg")) {
                names.add(plainName + compression + encryption);
            }
        }
        return names;
    }

    /** What the file's first bytes say it is. */
    public static Form form(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return form(in.readNBytes(PREFIX));
        }
    }

    /** A file opened once: what its first bytes say it is, and its content with one layer of encryption undone when it had one. */
    private record Opened(Form form, InputStream content) {
    }

    /** Opens {@code file}, tells its form from the bytes it buffers, and decrypts it when it is encrypted. */
    private static Opened opened(Path file, Decryption keys) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(PREFIX);
            Form form = form(in.readNBytes(PREFIX));
            in.reset();
            return switch (form) {
                case PLAIN, ZSTD -> new Opened(form, in);
                case OPENPGP -> new Opened(form, OpenPgpInputStream.open(in, keys));
                case ENVELOPE -> {
                    // The envelope is read from its path: a file in upstream's order takes two passes.
                    in.close();
                    yield new Opened(form, EnvelopeInputStream.open(file, keys::envelopeKey));
                }
            };
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    static Form form(byte[] prefix) {
        if (startsWith(prefix, ZSTD_MAGIC)) {
            return Form.ZSTD;
        }
        if (prefix.length > 0 && (startsEncryptedMessage(prefix[0] & 0xff) || startsWith(prefix, PGP_ARMOR))) {
            return Form.OPENPGP;
        }
        return firstFieldIsEnvelopes(prefix) ? Form.ENVELOPE : Form.PLAIN;
    }

    /**
     * Whether a first byte is the header of a packet an encrypted OpenPGP message starts with: a
     * public-key (1) or passphrase (3) session key, or a marker (10), in the old or the new packet
     * format. Any other byte, such as the first of a UTF-8 byte order mark, is not OpenPGP.
     */
    private static boolean startsEncryptedMessage(int header) {
        if ((header & 0xC0) == 0xC0) {
            int tag = header & 0x3F;
            return tag == 1 || tag == 3 || tag == 10;
        }
        if ((header & 0xC0) == 0x80) {
            int tag = (header >> 2) & 0x0F;
            return tag == 1 || tag == 3 || tag == 10;
        }
        return false;
    }

    /**
     * The file's decoded content as a stream. For an encrypted file, reaching its end checks that
     * the content is authentic, and fails with a {@link DecryptionException} when it is not.
     *
     * @throws DecryptionException when the keys do not open it
     * @throws ProtectedFileException when it is damaged or in a form dbsurveyor does not read
     */
    public static InputStream open(Path file, Decryption keys) throws IOException {
        Opened opened = opened(file, keys);
        return switch (opened.form()) {
            case PLAIN -> opened.content();
            case ZSTD -> zstd(opened.content(), null);
            case ENVELOPE, OPENPGP -> maybeZstd(opened.content());
        };
    }

    /**
     * Hands the file's content to {@code work}: a plain file as a stream, a protected one decoded
     * whole and authenticated first (a document is held in memory whole once parsed anyway), so
     * that {@code work} never sees content that a wrong key or a change produced.
     */
    public static <T> T read(Path file, Decryption keys, ContentWork<T> work) throws IOException {
        Opened opened = opened(file, keys);
        if (opened.form() == Form.PLAIN) {
            try (InputStream in = opened.content()) {
                return work.read(in);
            }
        }
        return work.read(new ByteArrayInputStream(whole(opened)));
    }

    /**
     * The file's decoded content, whole and authentic. An encrypted file is decrypted and
     * authenticated whole before anything inside it is decompressed, so that a changed file is
     * reported as such, not as damaged zstd.
     */
    public static byte[] readAllBytes(Path file, Decryption keys) throws IOException {
        return whole(opened(file, keys));
    }

    private static byte[] whole(Opened opened) throws IOException {
        byte[] content;
        try (InputStream in = opened.form() == Form.ZSTD ? zstd(opened.content(), null) : opened.content()) {
            content = in.readAllBytes();
        }
        if (opened.form() == Form.PLAIN || opened.form() == Form.ZSTD || !startsWith(content, ZSTD_MAGIC)) {
            return content;
        }
        try (InputStream in = zstd(new ByteArrayInputStream(content), null)) {
            return in.readAllBytes();
        }
    }

    /** The decrypted stream, decompressed when it holds a zstd frame; closed when that cannot be told. */
    private static InputStream maybeZstd(InputStream decrypted) throws IOException {
        try {
            BufferedInputStream in = new BufferedInputStream(decrypted, 1 << 16);
            in.mark(ZSTD_MAGIC.length);
            byte[] magic = in.readNBytes(ZSTD_MAGIC.length);
            in.reset();
            return startsWith(magic, ZSTD_MAGIC) ? zstd(in, in) : in;
        } catch (IOException | RuntimeException e) {
            decrypted.close();
            throw e;
        }
    }

    /** A zstd stream over {@code compressed}; {@code decrypted}, when it comes from decryption, tells a changed file from damaged zstd. */
    private static InputStream zstd(InputStream compressed, InputStream decrypted) throws IOException {
        return new ZstdDecoding(new ZstdInputStreamNoFinalizer(new BufferedInputStream(compressed, 1 << 16), RecyclingBufferPool.INSTANCE),
                decrypted);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean firstFieldIsEnvelopes(byte[] prefix) {
        try (JsonParser parser = JSON.createParser(prefix)) {
            return parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                    && EnvelopeInputStream.isEnvelopeField(parser.currentName());
        } catch (IOException e) {
            return false;
        }
    }
}
