package dev.dbsurveyor.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * File names for database documents in an output directory. A name keeps lowercase ASCII letters,
 * digits, {@code _}, {@code -} and inner dots, and writes every other byte of its UTF-8 form as
 * {@code %XX} (uppercase letters too, so that two names never collide on a case-insensitive file
 * system). So a file name never holds a path separator, never is {@code .} or {@code ..}, and two
 * database names never share one. Names whose encoding would exceed {@value #MAX_ENCODED} characters
 * keep a prefix and a hash of the whole name: the manifest then maps them back.
 */
public final class DatabaseFileNames {

    public static final String SUFFIX = ".dbsurveyor.json";
    static final int MAX_ENCODED = 200;
    private static final int HASH_PREFIX = 150;
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private DatabaseFileNames() {
    }

    /** The document file name of a database. */
    public static String fileName(String database) {
        return encode(database) + SUFFIX;
    }

    /**
     * The encoded name alone, without the document suffix, for files named after a database
     * elsewhere (the report's pages). As a relative URL it needs {@code %} written as {@code %25}.
     */
    public static String stem(String database) {
        return encode(database);
    }

    static String encode(String database) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = database.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_' || b == '-' || (b == '.' && i > 0);
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) b));
            }
        }
        if (WINDOWS_RESERVED.contains(out.toString())) {
            out.replace(0, 1, "%" + HexFormat.of().withUpperCase().toHexDigits((byte) out.charAt(0)));
        }
        if (out.length() > MAX_ENCODED) {
            return out.substring(0, HASH_PREFIX).replaceAll("%[0-9A-F]?$", "") + "~" + hash(database);
        }
        return out.toString();
    }

    /**
     * The database name a file name encodes; empty for a name that is not one (not this encoding of
     * any name, malformed escapes included) or that was shortened with a hash.
     */
    public static Optional<String> databaseOf(String fileName) {
        if (!fileName.endsWith(SUFFIX) || fileName.contains("~")) {
            return Optional.empty();
        }
        String encoded = fileName.substring(0, fileName.length() - SUFFIX.length());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || !HexFormat.isHexDigit(encoded.charAt(i + 1)) || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                    return Optional.empty();
                }
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        String database = bytes.toString(StandardCharsets.UTF_8);
        // Only the one encoding this class writes decodes: %61 for "a", or bytes that are not UTF-8, are no database's file.
        return fileName(database).equals(fileName) ? Optional.of(database) : Optional.empty();
    }

    private static String hash(String database) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
