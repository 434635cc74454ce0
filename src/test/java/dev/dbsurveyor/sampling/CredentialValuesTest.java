package dev.dbsurveyor.sampling;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented forms of credentials are found in a value's text; ordinary text is left alone. */
class CredentialValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://alice:s3cret@example.com/x",
            "see POSTGRESQL://app:pw@db.internal/sales",
            "mysql://root:x@10.0.0.1:3306",
            "mongodb+srv://u:p@cluster0.example.net",
            "https://cdn.example.com/a.png?token=abc123",
            "https://api.example.com/v1?access_token=abc",
            "https://s3.example.com/o?X-Amz-Signature=abcd",
            "password=hunter2",
            "PWD=x",
            "db.secret=1",
            "setting_key=k",
            "API_KEY=abc",
            "apikey=abc",
            "Authorization: Bearer abc.def",
            "Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l",
            "bearer 0123456789abcdefghij",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEow",
            "-----BEGIN OPENSSH PRIVATE KEY-----",
            "AKIAABCDEFGHIJKLMNOP"})
    void credentialsAreFound(String value) {
        assertThat(CredentialValues.looksLikeCredential(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://example.com/path?page=2",
            "https://host:8080/a@b",
            "basic training for new staff",
            "the bearer of good news",
            "user@example.com",
            "key = value, with spaces",
            "-----BEGIN CERTIFICATE-----",
            "postgresql://db.example.com/sales",
            ""})
    void ordinaryTextIsNot(String value) {
        assertThat(CredentialValues.looksLikeCredential(value)).isFalse();
    }
}
