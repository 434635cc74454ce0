package dev.dbsurveyor.testing;

import org.quicktheories.api.AsString;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Generators of strings for properties ({@link PropertyRun}): any string, well-formed Unicode text, text over a
 * given alphabet, or one of a few fixed strings. A failure report shows each string as a Java literal, so that control characters,
 * lone surrogates and trailing spaces can be read and pasted into a test.
 */
public final class ArbitraryStrings {

    private static final AsJavaLiteral LITERAL = new AsJavaLiteral();

    private static final int SURROGATES = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;

    private static final Gen<String> ASCII = Generate.range(0, 0x7F, 'a').map(ArbitraryStrings::charOf);

    private static final Gen<String> SUPPLEMENTARY = Generate.range(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT)
            .map(Character::toString);

    /**
     * One char of any of the 65,536 values (lone surrogates, controls, private use and noncharacters
     * included), an ASCII char (so that the characters that parsers treat specially come often), or a
     * supplementary code point as its surrogate pair; each shrinks towards {@code a}.
     */
    private static final Gen<String> ANY_UNIT = Generate.frequency(
            Pair.of(2, Generate.range(Character.MIN_VALUE, Character.MAX_VALUE, 'a').map(ArbitraryStrings::charOf)),
            Pair.of(1, ASCII),
            Pair.of(1, SUPPLEMENTARY));

    /** The same without lone surrogates: one code point of the Basic Multilingual Plane, of ASCII, or of the planes above. */
    private static final Gen<String> CODE_POINT = Generate.frequency(
            Pair.of(2, Generate.range(Character.MIN_VALUE, Character.MAX_VALUE - SURROGATES, 'a')
                    .map(c -> charOf(c < Character.MIN_SURROGATE ? c : c + SURROGATES))),
            Pair.of(1, ASCII),
            Pair.of(1, SUPPLEMENTARY));

    private ArbitraryStrings() {
    }

    /**
     * Any string of {@code minLength} to {@code maxLength} chars, lone surrogates included; it shrinks towards
     * fewer chars, each {@code a}.
     */
    public static Gen<String> anyOfLength(int minLength, int maxLength) {
        return joined(ANY_UNIT, minLength, maxLength);
    }

    /**
     * Well-formed Unicode text of {@code minLength} to {@code maxLength} chars: any code point, each surrogate in
     * a pair. This is what a name or a password is once it has been through UTF-8 (a server's catalog, a URL's
     * percent-encoding), where a lone surrogate cannot be written.
     */
    public static Gen<String> textOfLength(int minLength, int maxLength) {
        return joined(CODE_POINT, minLength, maxLength);
    }

    /** Text of {@code minLength} to {@code maxLength} chars, each one of {@code alphabet}'s; it shrinks towards its first. */
    public static Gen<String> fromChars(String alphabet, int minLength, int maxLength) {
        return joined(Generate.range(0, alphabet.length() - 1).map(index -> charOf(alphabet.charAt(index))), minLength, maxLength);
    }

    /** One of {@code strings}, picked with equal chance; a failure shrinks towards the first. */
    public static Gen<String> pick(String... strings) {
        return Generate.pick(List.of(strings)).describedAs(LITERAL);
    }

    /** A string from any one of {@code generators}, picked with equal chance; a failure shrinks towards the first. */
    @SafeVarargs
    public static Gen<String> oneOf(Gen<String> first, Gen<String>... others) {
        List<Gen<String>> generators = new ArrayList<>(List.of(first));
        for (Gen<String> other : others) {
            generators.add(other);
        }
        Gen<Integer> index = Generate.range(0, generators.size() - 1);
        Gen<String> picked = source -> generators.get(index.generate(source)).generate(source);
        return picked.describedAs(LITERAL);
    }

    /** A string from {@code heads} followed by one from {@code tails}. */
    public static Gen<String> concat(Gen<String> heads, Gen<String> tails) {
        return heads.zip(tails, String::concat).describedAs(LITERAL);
    }

    private static Gen<String> joined(Gen<String> units, int minLength, int maxLength) {
        Gen<Integer> lengths = Generate.range(minLength, maxLength);
        Gen<String> text = source -> {
            int length = lengths.generate(source);
            StringBuilder joined = new StringBuilder(length);
            while (joined.length() < length) {
                String unit = units.generate(source);
                // A surrogate pair that would cross the length is not cut in two: a text stays well-formed.
                joined.append(joined.length() + unit.length() <= length ? unit : "a");
            }
            return joined.toString();
        };
        return text.describedAs(LITERAL);
    }

    private static String charOf(int value) {
        return String.valueOf((char) value);
    }

    /** A string as a Java string literal: printable ASCII as it is, every other char as its Unicode escape. */
    private static final class AsJavaLiteral implements AsString<String> {
        @Override
        public String asString(String text) {
            StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
            text.chars().forEach(c -> {
                if (c == '"' || c == '\\') {
                    literal.append('\\').append((char) c);
                } else if (c >= ' ' && c <= '~') {
                    literal.append((char) c);
                } else {
                    literal.append(String.format("\\u%04x", c));
                }
            });
            return literal.append('"').toString();
        }
    }
}
