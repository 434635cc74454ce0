package dev.dbsurveyor.adapter.postgres;

/** The one PostgreSQL identifier-quoting function: every name that goes into SQL or a definition goes through it. */
final class PostgresIdentifiers {

    private PostgresIdentifiers() {
    }

    /** Always double-quoted, embedded double quotes doubled, so no name can end the identifier early. */
    static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A PostgreSQL identifier cannot contain NUL");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A string literal with embedded quotes doubled. */
    static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
