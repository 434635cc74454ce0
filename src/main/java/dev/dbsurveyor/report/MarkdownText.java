package dev.dbsurveyor.report;

import java.util.function.IntFunction;

/**
 * Catalog text made safe for GitHub-flavoured Markdown: names and values are hostile input, so
 * every character Markdown or HTML would read as markup is escaped and line breaks become spaces.
 */
public final class MarkdownText {

    private MarkdownText() {
    }

    /** Text for a table cell or inside a line: Markdown's and HTML's special characters escaped, line breaks as spaces; empty for null. */
    public static String cell(String text) {
        return escape(text, "", "", MarkdownText::inText);
    }

    /**
     * Text that begins a line, or a list item or quote: as {@link #cell}, its leading spaces dropped
     * (four would make a code block) and a leading list marker, thematic break or setext underline
     * ({@code -}, {@code +}, {@code =}, {@code 1.}, {@code 1)}) escaped, so that it stays one paragraph.
     */
    public static String line(String text) {
        String escaped = cell(text).stripLeading();
        if (!escaped.isEmpty() && "-+=".indexOf(escaped.charAt(0)) >= 0) {
            return "\\" + escaped;
        }
        int digits = 0;
        while (digits < escaped.length() && escaped.charAt(digits) >= '0' && escaped.charAt(digits) <= '9') {
            digits++;
        }
        if (digits > 0 && digits < escaped.length() && (escaped.charAt(digits) == '.' || escaped.charAt(digits) == ')')) {
            return escaped.substring(0, digits) + "\\" + escaped.substring(digits);
        }
        return escaped;
    }

    /** A value as inline code: HTML's special characters are entities inside {@code <code>}, which Markdown leaves alone; empty for null. */
    public static String code(String text) {
        return escape(text, "<code>", "</code>", MarkdownText::inCode);
    }

    private static String inText(int point) {
        return switch (point) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '|' -> "&#124;";
            case '\\', '`', '*', '_', '[', ']', '~', '!', '#' -> "\\" + (char) point;
            default -> null;
        };
    }

    private static String inCode(int point) {
        return switch (point) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '|' -> "&#124;";
            case '`', '\\', '*', '_', '[', ']', '~' -> "&#" + point + ";";
            default -> null;
        };
    }

    /** {@code text} between {@code open} and {@code close}, each character as {@code special} replaces it, line breaks as spaces. */
    private static String escape(String text, String open, String close, IntFunction<String> special) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + open.length() + close.length()).append(open);
        text.codePoints().forEach(point -> {
            String replacement = special.apply(point);
            if (replacement != null) {
                escaped.append(replacement);
            } else if (Character.isISOControl(point) || point == 0x2028 || point == 0x2029) {
                escaped.append(' ');
            } else {
                escaped.appendCodePoint(point);
            }
        });
        return escaped.append(close).toString();
    }

    /** A code fence longer than any run of backticks in the text, so that the text cannot close it. */
    public static String fence(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
