package dev.dbsurveyor.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * What serde_json (1.0.150, default features) makes of a JSON number literal: an integer without
 * fraction or exponent is a u64 when non-negative and in range, an i64 when negative and in range
 * ({@code -0} is not: it is the double -0.0), and every other number a double computed the way
 * serde_json computes it: at most 19 or 20 significant digits kept, the rest only counted into the
 * exponent, then one multiplication or division by a power of ten. A number whose double is
 * infinite is serde_json's "number out of range" error, whatever its form.
 */
final class UpstreamNumbers {

    private static final long U64_MAX_DIV_10 = Long.divideUnsigned(-1L, 10);
    private static final long U64_MAX_MOD_10 = Long.remainderUnsigned(-1L, 10);
    private static final int I32_MAX_DIV_10 = Integer.MAX_VALUE / 10;
    private static final int I32_MAX_MOD_10 = Integer.MAX_VALUE % 10;
    private static final double[] POWERS_OF_TEN = new double[309];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = Double.parseDouble("1e" + i);
        }
    }

    private UpstreamNumbers() {
    }

    /**
     * The value serde_json reads from {@code literal}, a number as JSON writes it: a
     * {@link LongNode} or {@link BigIntegerNode} for an integer serde_json keeps exact, a
     * {@link DoubleNode} for a double; empty when serde_json refuses the number as out of range.
     */
    static Optional<JsonNode> read(String literal) {
        return new Reading(literal).value();
    }

    /** One pass over one literal, in serde_json's order: integer digits, fraction, exponent. */
    private static final class Reading {

        private final String text;
        private final boolean positive;
        private int at;

        Reading(String text) {
            this.text = text;
            this.positive = !text.startsWith("-");
            this.at = positive ? 0 : 1;
        }

        Optional<JsonNode> value() {
            long significand = 0;
            while (at < text.length() && isDigit(peek())) {
                int digit = peek() - '0';
                if (overflowsU64(significand, digit)) {
                    return longInteger(significand);
                }
                significand = significand * 10 + digit;
                at++;
            }
            if (at < text.length()) {
                return afterDigits(significand, 0);
            }
            if (positive) {
                return Optional.of(Long.compareUnsigned(significand, Long.MAX_VALUE) <= 0
                        ? LongNode.valueOf(significand)
                        : BigIntegerNode.valueOf(new BigInteger(Long.toUnsignedString(significand))));
            }
            // serde_json negates the significand as an i64: zero and anything beyond i64 become doubles.
            long negated = -significand;
            return negated < 0 ? Optional.of(LongNode.valueOf(negated)) : toDouble(significand, 0);
        }

        private Optional<JsonNode> longInteger(long significand) {
            int exponent = 0;
            while (at < text.length() && isDigit(peek())) {
                at++;
                exponent++;
            }
            return at < text.length() ? afterDigits(significand, exponent) : toDouble(significand, exponent);
        }

        private Optional<JsonNode> afterDigits(long significand, int exponent) {
            return peek() == '.' ? fraction(significand, exponent) : exponent(significand, exponent);
        }

        private Optional<JsonNode> fraction(long significand, int exponentBefore) {
            at++;
            int exponentAfter = 0;
            while (at < text.length() && isDigit(peek())) {
                int digit = peek() - '0';
                if (overflowsU64(significand, digit)) {
                    while (at < text.length() && isDigit(peek())) {
                        at++;
                    }
                    break;
                }
                significand = significand * 10 + digit;
                exponentAfter--;
                at++;
            }
            int exponent = exponentBefore + exponentAfter;
            return at < text.length() ? exponent(significand, exponent) : toDouble(significand, exponent);
        }

        private Optional<JsonNode> exponent(long significand, int startingExponent) {
            at++;
            boolean positiveExponent = true;
            if (peek() == '+' || peek() == '-') {
                positiveExponent = peek() == '+';
                at++;
            }
            int exponent = 0;
            while (at < text.length()) {
                int digit = peek() - '0';
                if (exponent > I32_MAX_DIV_10 || (exponent == I32_MAX_DIV_10 && digit > I32_MAX_MOD_10)) {
                    if (significand != 0 && positiveExponent) {
                        return Optional.empty();
                    }
                    return Optional.of(DoubleNode.valueOf(positive ? 0.0 : -0.0));
                }
                exponent = exponent * 10 + digit;
                at++;
            }
            long finalExponent = positiveExponent ? (long) startingExponent + exponent : (long) startingExponent - exponent;
            return toDouble(significand, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, finalExponent)));
        }

        private Optional<JsonNode> toDouble(long significand, int exponent) {
            double value = significand >= 0 ? (double) significand : new BigDecimal(Long.toUnsignedString(significand)).doubleValue();
            while (true) {
                int magnitude = exponent == Integer.MIN_VALUE ? Integer.MAX_VALUE : Math.abs(exponent);
                if (magnitude < POWERS_OF_TEN.length) {
                    if (exponent >= 0) {
                        value *= POWERS_OF_TEN[magnitude];
                        if (Double.isInfinite(value)) {
                            return Optional.empty();
                        }
                    } else {
                        value /= POWERS_OF_TEN[magnitude];
                    }
                    break;
                }
                if (value == 0.0) {
                    break;
                }
                if (exponent >= 0) {
                    return Optional.empty();
                }
                value /= 1e308;
                exponent += 308;
            }
            return Optional.of(DoubleNode.valueOf(positive ? value : -value));
        }

        private char peek() {
            return text.charAt(at);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean overflowsU64(long significand, int digit) {
            int compared = Long.compareUnsigned(significand, U64_MAX_DIV_10);
            return compared > 0 || (compared == 0 && digit > U64_MAX_MOD_10);
        }
    }
}
