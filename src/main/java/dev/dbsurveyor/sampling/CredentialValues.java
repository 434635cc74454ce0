package dev.dbsurveyor.sampling;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which sampled text values look like credentials, by their content: a URL with a user and
 * password, a {@code name=value} pair whose name is a secret's ({@link #SECRET_ASSIGNMENTS}),
 * an authorization header or a bearer token, a JSON Web Token, a private key block or an AWS access key id.
 * The assignments include every one upstream dbsurveyor's loader refuses a document for, so that
 * a redacted sample never makes a document unloadable there.
 */
public final class CredentialValues {

    /** Fragments that make a value a credential wherever they appear in it, compared in lower case. */
    public static final List<String> SECRET_ASSIGNMENTS = List.of("password=", "passwd=", "pwd=", "secret=", "token=", "key=",
            "api_key=", "apikey=", "sig=", "signature=", "credential=", "credentials=");

    /** Matched against the value in lower case, as upstream's loader matches its database URLs. */
    private static final List<Pattern> LOWER_CASE_PATTERNS = List.of(
            // A URL with a user and a password.
            Pattern.compile("[a-z][a-z0-9+.-]*://[^\\s/?#@:]*:[^\\s/?#@]*@"),
            // Upstream's loader refuses a database URL with a ':' and then an '@' anywhere after it on the same line.
            Pattern.compile("(postgres|postgresql|mysql|mongodb|mongodb\\+srv|mssql)://.*:.*@", Pattern.UNIX_LINES),
            Pattern.compile("authorization:\\s*(bearer|basic)\\s+\\S+"),
            Pattern.compile("\\bbearer\\s+[a-z0-9._~+/-]{16,}=*"));

    /** Matched against the value as it is. */
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"),
            Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----"),
            Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"));

    private CredentialValues() {
    }

    public static boolean looksLikeCredential(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return SECRET_ASSIGNMENTS.stream().anyMatch(lower::contains)
                || LOWER_CASE_PATTERNS.stream().anyMatch(pattern -> pattern.matcher(lower).find())
                || PATTERNS.stream().anyMatch(pattern -> pattern.matcher(value).find());
    }
}
