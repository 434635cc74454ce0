package dev.dbsurveyor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looks for a secret where it must never be: raw, percent-encoded and base64-encoded, and for any
 * URL that still carries a password ({@code scheme://user:password@host}).
 */
public final class SecretScan {

    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("[a-z]+://[^/@\\s:]*:[^/@\\s*]+@");

    private SecretScan() {
    }

    /** A password no text could contain by chance, with characters that URLs must encode. */
    public static String uniquePassword() {
        return "pw-" + java.util.HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + "/@:%?";
    }

    /** Fails when {@code text} holds the secret in any of its forms, or a URL with a password in it. */
    public static void assertAbsent(String secret, String where, String text) {
        for (String form : forms(secret)) {
            assertThat(text).as(where + " must not hold the password (" + form + ")").doesNotContain(form);
        }
        assertThat(URL_WITH_PASSWORD.matcher(text).find()).as(where + " must not hold a URL with a password: " + text).isFalse();
    }

    /** The same for every file under {@code directory}. */
    public static void assertAbsentFromFiles(String secret, Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertAbsent(secret, file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> forms(String secret) {
        return List.of(secret,
                URLEncoder.encode(secret, StandardCharsets.UTF_8),
                URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"),
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
