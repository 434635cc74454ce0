package dev.dbsurveyor.sampling;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which columns hold secrets or personal data, by name alone. A name is split into words (at
 * anything not a letter or digit, and where a lower-case letter meets an upper-case one), then
 * compared in lower case: it is sensitive when its words run together contain one of
 * {@link #CONTAINED} ({@code user_password}, {@code apiKey}, {@code EMAIL_ADDRESS}) or when one
 * of its words is one of {@link #WORDS} ({@code ssn}, {@code cvv}, {@code dob}). Values are
 * not inspected here: {@link CredentialValues} finds those that look like credentials in a column
 * named otherwise.
 */
public final class SensitiveColumns {

    /** What the values of a sensitive column are replaced with. */
    public static final String REDACTED = "[REDACTED]";

    /** Fragments that make a name sensitive wherever they appear in its joined words. */
    public static final List<String> CONTAINED = List.of("password", "passwd", "passphrase", "secret", "token", "apikey",
            "privatekey", "creditcard", "cardnumber", "cardno", "ccnumber", "email", "phone", "dateofbirth", "birthdate",
            "birthday", "socialsecurity");

    /** Words that make a name sensitive when they stand alone in it. */
    public static final Set<String> WORDS = Set.of("pwd", "ssn", "cvv", "cvv2", "cvc", "dob", "pan");

    private SensitiveColumns() {
    }

    public static boolean isSensitive(String columnName) {
        List<String> words = Arrays.stream(columnName.split("[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .toList();
        String joined = String.join("", words);
        return words.stream().anyMatch(WORDS::contains) || CONTAINED.stream().anyMatch(joined::contains);
    }
}
