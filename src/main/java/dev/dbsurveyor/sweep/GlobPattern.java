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
        // Read by code point, so that a character beyond the Basic Multilingual Plane is one character, as in the names.
        int[] points = glob.codePoints().toArray();
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < points.length) {
            switch (points[i]) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '\\' -> {
                    if (i + 1 >= points.length) {
                        throw new ConfigurationException("Database pattern '" + glob + "' ends with a lone backslash");
                    }
                    regex.append(character(points[++i]));
                }
                case '[' -> i = appendClass(glob, points, i, regex);
                default -> regex.append(character(points[i]));
            }
            i++;
        }
        return new GlobPattern(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /**
     * Appends the character class that opens at {@code start}; returns the index of its closing
     * bracket. A member is a character or an escaped one; {@code a-z} is a range unless the
     * {@code -} comes first or last; a {@code ]} right after {@code [} or {@code [!} is a member.
     */
    private static int appendClass(String glob, int[] points, int start, StringBuilder regex) {
        int i = start + 1;
        StringBuilder set = new StringBuilder("[");
        if (i < points.length && points[i] == '!') {
            set.append('^');
            i++;
        }
        boolean first = true;
        while (i < points.length && (points[i] != ']' || first)) {
            int low = points[i];
            if (low == '\\' && i + 1 < points.length) {
                low = points[++i];
            }
            boolean range = i + 2 < points.length && points[i + 1] == '-' && points[i + 2] != ']';
            if (range) {
                i += 2;
                int high = points[i];
                if (high == '\\' && i + 1 < points.length) {
                    high = points[++i];
                }
                if (high < low) {
                    throw new ConfigurationException("Database pattern '" + glob + "' has a backwards range "
                            + Character.toString(low) + "-" + Character.toString(high));
                }
                set.append(character(low)).append('-').append(character(high));
            } else {
                set.append(character(low));
            }
            first = false;
            i++;
        }
        if (i >= points.length) {
            throw new ConfigurationException("Database pattern '" + glob + "' opens a [ set that is never closed");
        }
        regex.append(set).append(']');
        return i;
    }

    /** One character as a regex escape by its number, which means the character itself inside or outside a set. */
    private static String character(int codePoint) {
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
