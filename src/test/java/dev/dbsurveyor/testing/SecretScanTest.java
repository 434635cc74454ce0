package dev.dbsurveyor.testing;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scan finds the password in each form it looks for, and a URL with credentials; it passes clean text. */
class SecretScanTest {

    private final String password = SecretScan.uniquePassword();

    @Test
    void findsEveryFormOfThePasswordAndUrlsWithCredentials() {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
        for (String leak : new String[] {password, encoded, Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                "postgresql://alice:other@db.example.com/x"}) {
            assertThatThrownBy(() -> SecretScan.assertAbsent(password, "text", "before " + leak + " after")).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void passesTextWithoutIt() {
        assertThatCode(() -> SecretScan.assertAbsent(password, "text", "postgresql://alice:***@db.example.com:5432/x collected 3"))
                .doesNotThrowAnyException();
    }
}
