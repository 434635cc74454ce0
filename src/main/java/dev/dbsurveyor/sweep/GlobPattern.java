package dev.dbsurveyor.sweep;

import dev.dbsurveyor.config.ConfigurationException;

import java.util.regex.Pattern;

/**
 * A database-name glob: {@code *} any run of characters, {@code ?} one character, {@code [abc]},
 * {@code [a-z]} and {@code [!abc]} one character of (or not of) a set, a backslash makes the next
 * character literal. Matching is case-sensitive and on the whole name.
 */
public final class GlobPattern {

    private final String glob;
    private final Pattern regex;

    private GlobPattern(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    /** @throws ConfigurationException naming the glob and what is wrong with it */
    public static GlobPattern compile(String glob) {
        if (glob == null || glob.isEmpty()) {
            throw new ConfigurationException("A database pattern must not be empty");
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '\\' -> {
                    if (i + 1 >= glob.length()) {
                        throw new ConfigurationException("Database pattern '" + glob + "' ends with a lone backslash");
                    }
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                case '[' -> i = appendClass(glob, i, regex);
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return new GlobPattern(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** Appends the character class that opens at {@code start}; returns the index of its closing bracket. */
    private static int appendClass(String glob, int start, StringBuilder regex) {
        int i = start + 1;
        StringBuilder set = new StringBuilder("[");
        if (i < glob.length() && glob.charAt(i) == '!') {
            set.append('^');
            i++;
        }
        boolean first = true;
        while (i < glob.length() && (glob.charAt(i) != ']' || first)) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                c = glob.charAt(++i);
                appendLiteral(set, c);
            } else if (c == '-' && !first && i + 1 < glob.length() && glob.charAt(i + 1) != ']') {
                char low = glob.charAt(i - 1);
                char high = glob.charAt(i + 1);
                if (high < low) {
                    throw new ConfigurationException("Database pattern '" + glob + "' has a backwards range " + low + "-" + high);
                }
                set.append('-');
            } else {
                appendLiteral(set, c);
            }
            first = false;
            i++;
        }
        if (i >= glob.length()) {
            throw new ConfigurationException("Database pattern '" + glob + "' opens a [ set that is never closed");
        }
        regex.append(set).append(']');
        return i;
    }

    /** A character inside a regex set, escaped unless it is a letter or digit (where an escape would mean something else). */
    private static void appendLiteral(StringBuilder set, char c) {
        if (Character.isLetterOrDigit(c)) {
            set.append(c);
        } else {
            set.append('\\').append(c);
        }
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
