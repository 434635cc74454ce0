package dev.dbsurveyor.server;

import dev.dbsurveyor.config.ConfigurationException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the files of TLS settings as libpq does: certificates as PEM (several in one file), private
 * keys as PEM (PKCS#8, or the traditional RSA and EC forms) or DER-encoded PKCS#8, and refuses a
 * key file that group or others may read. Every error names the option and the file, never what
 * the file holds.
 */
final class TlsFiles {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA"};
    private static final byte[] RSA_ENCRYPTION = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    private static final byte[] EC_PUBLIC_KEY = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    /** libpq: a key the current user owns must not be open to group or others at all. */
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    /** libpq: a key root owns may be readable by its group (u=rw,g=r), no more. */
    private static final Set<PosixFilePermission> ROOT_GROUP_READ = EnumSet.of(
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private TlsFiles() {
    }

    /** Every certificate of a PEM (or DER) file, in file order. */
    static List<X509Certificate> certificates(Path file, String option) {
        byte[] content = read(file, option);
        try {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(content)).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (certificates.isEmpty()) {
                throw new ConfigurationException(option + " " + file + " holds no certificate");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new ConfigurationException(option + " " + file + " is not a PEM or DER certificate file");
        }
    }

    /** The private key of a file, once its permissions are as strict as libpq asks. */
    static PrivateKey privateKey(Path file, String option) {
        byte[] content = read(file, option);
        checkPermissions(file, option);
        String text = new String(content, StandardCharsets.US_ASCII);
        Matcher pem = PEM.matcher(text);
        if (!pem.find()) {
            return pkcs8(content, file, option);
        }
        String type = pem.group(1);
        if (type.contains("ENCRYPTED") || pem.group(2).contains("Proc-Type: 4,ENCRYPTED")) {
            throw new ConfigurationException(option + " " + file + " is encrypted, which dbsurveyor does not read: "
                    + "write it unencrypted (openssl pkey -in key.pem -out plain.pem) with permissions u=rw (0600)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.group(2).strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(option + " " + file + " is not valid PEM");
        }
        return switch (type) {
            case "PRIVATE KEY" -> pkcs8(der, file, option);
            case "RSA PRIVATE KEY" -> pkcs8(sequence(integerZero(), sequence(tlv(0x06, RSA_ENCRYPTION), new byte[] {0x05, 0x00}),
                    tlv(0x04, der)), file, option);
            case "EC PRIVATE KEY" -> pkcs8(sequence(integerZero(), sequence(tlv(0x06, EC_PUBLIC_KEY), curveOf(der, file, option)),
                    tlv(0x04, der)), file, option);
            default -> throw new ConfigurationException(option + " " + file + " holds a " + type + ", not a private key");
        };
    }

    /**
     * libpq's check of a private key file: owned by the current user, it may be open to nobody
     * else (0600); owned by root, its group may read it (0640).
     */
    static void checkPermissions(Path file, String option) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            String owner = Files.getOwner(file).getName();
            boolean tooOpen = owner.equals(System.getProperty("user.name")) && permissions.stream().anyMatch(OWNER_ONLY::contains)
                    || owner.equals("root") && permissions.stream().anyMatch(ROOT_GROUP_READ::contains);
            if (tooOpen) {
                throw new ConfigurationException(option + " " + file + " has group or world access; permissions should be "
                        + "u=rw (0600) or less if owned by the current user, or u=rw,g=r (0640) or less if owned by root (as libpq requires)");
            }
        } catch (UnsupportedOperationException e) {
            // No POSIX permissions on this file system (Windows): libpq does not check there either.
        } catch (IOException e) {
            throw new ConfigurationException(option + " " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] read(Path file, String option) {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigurationException(option + " " + file + " does not exist");
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException(option + " " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static PrivateKey pkcs8(byte[] der, Path file, String option) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // Not a key of this algorithm: try the next.
            }
        }
        throw new ConfigurationException(option + " " + file + " is not a private key in PEM or PKCS#8 form");
    }

    /** The named curve of a SEC 1 {@code ECPrivateKey}: the object identifier in its {@code [0]} parameters, as DER. */
    private static byte[] curveOf(byte[] sec1, Path file, String option) {
        int[] sequence = header(sec1, 0);
        for (int at = sequence[0]; at < sequence[0] + sequence[1]; ) {
            int[] field = header(sec1, at);
            if ((sec1[at] & 0xff) == 0xA0) {
                byte[] curve = new byte[field[1]];
                System.arraycopy(sec1, field[0], curve, 0, field[1]);
                return curve;
            }
            at = field[0] + field[1];
        }
        throw new ConfigurationException(option + " " + file + " is an EC key without a named curve");
    }

    /** Where a DER value's content starts, and its length, for the value whose tag is at {@code at}. */
    private static int[] header(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        if (first < 0x80) {
            return new int[] {at + 2, first};
        }
        int count = first & 0x7f;
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xff);
        }
        return new int[] {at + 2 + count, length};
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write((length >> shift) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
