package dev.dbsurveyor.output;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Which strings chrono 0.4.45 reads as a {@code DateTime<Utc>} (serde reads one through
 * {@code DateTime<FixedOffset>::from_str}): a relaxed RFC 3339. Fields need no zero padding, a
 * year of more than four digits needs a sign, whitespace may stand between the parts, the date
 * and time are joined by {@code T}, {@code t} or a space, a fraction is optional, the second may
 * be 60 (a leap second), and the offset is {@code Z}, {@code z}, {@code UTC} (any case) or a sign
 * with two digits of hours and two of minutes, a colon or whitespace between them optional.
 */
final class UpstreamTimestamps {

    /** chrono's date range: years -262144 to 262143. */
    private static final int MIN_YEAR = -262144;
    private static final int MAX_YEAR = 262143;

    private UpstreamTimestamps() {
    }

    /** True when chrono reads {@code text} as a timestamp. */
    static boolean accepts(String text) {
        try {
            return new Reading(text).timestamp();
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            return false;
        }
    }

    /** One left-to-right pass; a part that does not fit throws. */
    private static final class Reading {

        private final String text;
        private int at;

        Reading(String text) {
            this.text = text;
        }

        boolean timestamp() {
            long year = year();
            skipWhitespace();
            literal('-');
            int month = (int) number(2, 1, 12);
            skipWhitespace();
            literal('-');
            int day = (int) number(2, 1, 31);
            char separator = next();
            if (separator != 'T' && separator != 't' && separator != ' ') {
                return false;
            }
            int hour = (int) number(2, 0, 23);
            skipWhitespace();
            literal(':');
            int minute = (int) number(2, 0, 59);
            skipWhitespace();
            literal(':');
            int second = (int) number(2, 0, 60);
            if (at < text.length() && text.charAt(at) == '.') {
                at++;
                digits(9);
                while (at < text.length() && isDigit(text.charAt(at))) {
                    at++;
                }
            }
            skipWhitespace();
            int offsetSeconds = offset();
            skipWhitespace();
            if (at != text.length() || year < MIN_YEAR || year > MAX_YEAR) {
                return false;
            }
            // A leap second reads as the 59th second plus a second of fraction: valid at any minute.
            LocalDateTime local = LocalDateTime.of(LocalDate.of((int) year, month, day), LocalTime.of(hour, minute, Math.min(second, 59)));
            LocalDateTime utc = local.minusSeconds(offsetSeconds);
            return Math.abs(offsetSeconds) < 86_400 && utc.getYear() >= MIN_YEAR && utc.getYear() <= MAX_YEAR;
        }

        private long year() {
            skipWhitespace();
            if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
                boolean negative = text.charAt(at) == '-';
                at++;
                long value = digits(Integer.MAX_VALUE);
                return negative ? -value : value;
            }
            return number(4, 0, 9999);
        }

        /** One to {@code maxDigits} ASCII digits after any whitespace, as chrono reads every numeric field. */
        private long number(int maxDigits, long min, long max) {
            skipWhitespace();
            long value = digits(maxDigits);
            if (value < min || value > max) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        }

        /** One to {@code maxDigits} ASCII digits right here (after a sign or a decimal point). */
        private long digits(int maxDigits) {
            int start = at;
            long value = 0;
            while (at < text.length() && at - start < maxDigits && isDigit(text.charAt(at))) {
                value = Math.addExact(Math.multiplyExact(value, 10), text.charAt(at) - '0');
                at++;
            }
            if (at == start) {
                throw new IllegalArgumentException("no digits");
            }
            return value;
        }

        private int offset() {
            if (text.regionMatches(true, at, "UTC", 0, 3)) {
                at += 3;
                return 0;
            }
            char sign = next();
            if (sign == 'Z' || sign == 'z') {
                return 0;
            }
            if (sign != '+' && sign != '-' && sign != '\u2212') {
                throw new IllegalArgumentException("no offset");
            }
            int hours = twoDigits('9');
            while (at < text.length() && (text.charAt(at) == ':' || isWhitespace(text.charAt(at)))) {
                at++;
            }
            int minutes = twoDigits('5');
            int seconds = hours * 3600 + minutes * 60;
            return sign == '+' ? seconds : -seconds;
        }

        private int twoDigits(char highestFirst) {
            if (at + 2 > text.length()) {
                throw new IllegalArgumentException("too short");
            }
            char first = text.charAt(at);
            char second = text.charAt(at + 1);
            if (first < '0' || first > highestFirst || !isDigit(second)) {
                throw new IllegalArgumentException("not two digits");
            }
            at += 2;
            return (first - '0') * 10 + (second - '0');
        }

        private void literal(char expected) {
            if (next() != expected) {
                throw new IllegalArgumentException("expected " + expected);
            }
        }

        private char next() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("too short");
            }
            return text.charAt(at++);
        }

        private void skipWhitespace() {
            while (at < text.length() && isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** Unicode's White_Space property, which Rust's {@code trim_start} uses (not Java's isWhitespace). */
        private static boolean isWhitespace(char c) {
            return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085' || c == '\u00a0' || c == '\u1680'
                    || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029' || c == '\u202f'
                    || c == '\u205f' || c == '\u3000';
        }
    }
}
