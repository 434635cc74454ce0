package dev.dbsurveyor.adapter.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of one SQL statement as SQLite stores it in {@code sqlite_schema}: words, quoted
 * names ({@code "…"}, {@code `…`}, {@code […]}), string literals, numbers and punctuation, each
 * with its place in the text so that an expression is cut from the original exactly as written.
 * Comments and white space are no tokens. Text that does not end well (an open quote) ends the
 * last token at the end of the text.
 */
final class SqlTokens {

    /** What a token is. */
    enum Kind { WORD, QUOTED, STRING, NUMBER, PUNCT }

    /** One token: {@code value} is a quoted name without its quotes, else the text as written. */
    record Token(Kind kind, String value, int start, int end) {

        /** Whether this is the unquoted keyword {@code keyword}, in any case. */
        boolean is(String keyword) {
            return kind == Kind.WORD && value.equalsIgnoreCase(keyword);
        }

        /** Whether this is the punctuation {@code mark}. */
        boolean isPunct(String mark) {
            return kind == Kind.PUNCT && value.equals(mark);
        }

        /** Whether this token can be a name (a word or a quoted name, or a string SQLite accepts as one). */
        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED || kind == Kind.STRING;
        }
    }

    private final String sql;
    private final List<Token> tokens;

    private SqlTokens(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = List.copyOf(tokens);
    }

    static SqlTokens of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? length : close + 2;
            } else if (c == '"' || c == '`' || c == '\'') {
                int end = closing(sql, i, c, c);
                Kind kind = c == '\'' ? Kind.STRING : Kind.QUOTED;
                String inner = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace(String.valueOf(c) + c, String.valueOf(c));
                tokens.add(new Token(kind, kind == Kind.STRING ? sql.substring(i, end) : inner, i, end));
                i = end;
            } else if (c == '[') {
                int close = sql.indexOf(']', i + 1);
                int end = close < 0 ? length : close + 1;
                tokens.add(new Token(Kind.QUOTED, sql.substring(i + 1, close < 0 ? length : close), i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c >= 0x80) {
                int end = i + 1;
                while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$'
                        || sql.charAt(end) >= 0x80)) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), i, end));
                i = end;
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return new SqlTokens(sql, tokens);
    }

    /** The end of a quoted part that starts at {@code start}; a doubled quote stands for itself. */
    private static int closing(String sql, int start, char open, char close) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close && open == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    int size() {
        return tokens.size();
    }

    Token get(int index) {
        return tokens.get(index);
    }

    /** Whether the token at {@code index} exists and is the unquoted keyword {@code keyword}. */
    boolean is(int index, String keyword) {
        return index >= 0 && index < tokens.size() && tokens.get(index).is(keyword);
    }

    /** Whether the token at {@code index} exists and is the punctuation {@code mark}. */
    boolean isPunct(int index, String mark) {
        return index >= 0 && index < tokens.size() && tokens.get(index).isPunct(mark);
    }

    /** The index of the parenthesis that closes the one at {@code open}, or the last index when none does. */
    int closingParenthesis(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isPunct("(")) {
                depth++;
            } else if (tokens.get(i).isPunct(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size() - 1;
    }

    /** The first index from {@code from} (before {@code to}) at nesting depth 0 whose token is {@code keyword}, or -1. */
    int findKeyword(int from, int to, String keyword) {
        return nextAtTopLevel(from, to, token -> token.is(keyword));
    }

    /** The first index from {@code from} (before {@code to}) outside any parentheses opened from there whose token is {@code wanted}, or -1. */
    private int nextAtTopLevel(int from, int to, java.util.function.Predicate<Token> wanted) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isPunct("(")) {
                depth++;
            } else if (token.isPunct(")")) {
                depth--;
            } else if (depth == 0 && wanted.test(token)) {
                return i;
            }
        }
        return -1;
    }

    /** The first index from {@code from} at depth 0 whose token is {@code (}, or -1. */
    int findOpening(int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).isPunct("(")) {
                return i;
            }
        }
        return -1;
    }

    /** The ranges {@code [start, end)} between the top-level commas of tokens {@code from} to {@code to}. */
    List<int[]> splitByCommas(int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int start = from;
        for (int comma = nextAtTopLevel(start, to, token -> token.isPunct(",")); comma >= 0;
             comma = nextAtTopLevel(start, to, token -> token.isPunct(","))) {
            parts.add(new int[] {start, comma});
            start = comma + 1;
        }
        if (start < to) {
            parts.add(new int[] {start, to});
        }
        return parts;
    }

    /** The original text of tokens {@code from} to {@code to} (exclusive), comments inside included; empty when the range is. */
    String text(int from, int to) {
        if (from >= to) {
            return "";
        }
        return sql.substring(tokens.get(from).start(), tokens.get(to - 1).end()).strip();
    }

    /** The names inside the parentheses that open at {@code open}, one per comma-separated part (its first token). */
    List<String> names(int open) {
        int close = closingParenthesis(open);
        List<String> names = new ArrayList<>();
        for (int[] part : splitByCommas(open + 1, close)) {
            if (part[0] < part[1] && tokens.get(part[0]).isName()) {
                names.add(name(part[0]));
            }
        }
        return names;
    }

    /** The name the token at {@code index} stands for: a quoted name unquoted, a string without its quotes. */
    String name(int index) {
        Token token = tokens.get(index);
        if (token.kind() == Kind.STRING) {
            String text = token.value();
            return text.substring(1, Math.max(1, text.length() - 1)).replace("''", "'");
        }
        return token.value();
    }

    /** The upper-cased word at {@code index}, or an empty string when it is no word. */
    String keyword(int index) {
        return index < tokens.size() && tokens.get(index).kind() == Kind.WORD ? tokens.get(index).value().toUpperCase(Locale.ROOT) : "";
    }
}
