package dev.dbsurveyor.adapter.sqlite;

/** Names as SQLite writes and compares them: quoted with double quotes, equal when equal but for ASCII case. */
final class SqliteNames {

    private SqliteNames() {
    }

    /** {@code name} as a quoted identifier, a double quote inside doubled; safe for any name. */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Whether SQLite takes the two names for the same (it folds ASCII letters only). */
    static boolean same(String one, String other) {
        return asciiLower(one).equals(asciiLower(other));
    }

    static String asciiLower(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return folded.toString();
    }
}
