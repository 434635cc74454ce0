package dev.dbsurveyor.report;

/**
 * Catalog text made safe for GitHub-flavoured Markdown: names and values are hostile input, so
 * every character Markdown or HTML would read as markup is escaped and line breaks become spaces.
 */
public final class MarkdownText {

    private MarkdownText() {
    }

    /** Text for a table cell or a line: Markdown's and HTML's special characters escaped, line breaks as spaces; empty for null. */
    public static String cell(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            switch (point) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '|' -> escaped.append("&#124;");
                case '\\', '`', '*', '_', '[', ']', '~', '!', '#' ->
                        escaped.append('\\').appendCodePoint(point);
                default -> {
                    if (Character.isISOControl(point) || point == 0x2028 || point == 0x2029) {
                        escaped.append(' ');
                    } else {
                        escaped.appendCodePoint(point);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** A value as inline code: HTML's special characters are entities inside {@code <code>}, which Markdown leaves alone; empty for null. */
    public static String code(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder("<code>");
        text.codePoints().forEach(point -> {
            switch (point) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '|' -> escaped.append("&#124;");
                case '`' -> escaped.append("&#96;");
                case '\\' -> escaped.append("&#92;");
                case '*', '_', '[', ']', '~' -> escaped.append("&#").append(point).append(';');
                default -> {
                    if (Character.isISOControl(point) || point == 0x2028 || point == 0x2029) {
                        escaped.append(' ');
                    } else {
                        escaped.appendCodePoint(point);
                    }
                }
            }
        });
        return escaped.append("</code>").toString();
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
