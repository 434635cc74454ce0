package dev.dbsurveyor.adapter;

import dev.dbsurveyor.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** libpq's host name rules for verify-full. */
class CertificateNamesTest {

    private static X509Certificate certificate(String commonName, String... names) {
        return TestCertificates.shared().trusted().issue(commonName, Arrays.asList(names)).certificate();
    }

    @ParameterizedTest(name = "{0} for {1}: {2}")
    @CsvSource({
            "localhost, localhost, true",
            "localhost, LOCALHOST, true",
            "localhost, 127.0.0.1, false",
            "127.0.0.1, 127.0.0.1, true",
            "127.0.0.1, localhost, false",
            "::1, ::1, true",
            "::1, 0:0:0:0:0:0:0:1, true",
            "*.example.com, db.example.com, true",
            "*.example.com, example.com, false",
            "*.example.com, a.db.example.com, false",
            "db.example.com, db.example.com.evil, false"})
    void anAlternativeNameMatchesAsLibpqMatchesIt(String name, String host, boolean matches) {
        assertThat(CertificateNames.matches(certificate("ignored-cn", name), host)).isEqualTo(matches);
    }

    @Test
    void theCommonNameCountsOnlyWithoutAlternativeNames() {
        assertThat(CertificateNames.matches(certificate("db.example.com"), "db.example.com")).isTrue();
        assertThat(CertificateNames.matches(certificate("db.example.com", "other.example.com"), "db.example.com")).isFalse();
    }

    @Test
    void namesListTheAlternativeNamesElseTheCommonName() {
        assertThat(CertificateNames.names(certificate("cn", "localhost", "127.0.0.1"))).containsExactly("localhost", "127.0.0.1");
        assertThat(CertificateNames.names(certificate("db.example.com"))).isEqualTo(List.of("db.example.com"));
    }
}
