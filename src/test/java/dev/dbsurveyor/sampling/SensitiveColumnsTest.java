package dev.dbsurveyor.sampling;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveColumnsTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "user_password", "PasswordHash", "passwd", "pwd", "client_secret", "refresh_token",
            "apiKey", "API_KEY", "private_key", "ssn", "customer_ssn", "credit_card_number", "card_number", "cardNo", "cvv", "CVC",
            "email", "EmailAddress", "contact-email", "phone", "phoneNumber", "mobile_phone", "date_of_birth", "DOB", "birthdate",
            "social_security_number"})
    void namesOfSecretsAndPersonalDataAreSensitive(String name) {
        assertThat(SensitiveColumns.isSensitive(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "display_name", "created_at", "lesson", "address_line", "dobson", "passage", "compass", "country",
            "card_type", "description", "span"})
    void otherNamesAreNot(String name) {
        assertThat(SensitiveColumns.isSensitive(name)).as(name).isFalse();
    }
}
