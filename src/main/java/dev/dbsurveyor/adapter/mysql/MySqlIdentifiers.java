package dev.dbsurveyor.adapter.mysql;

/** The one MySQL identifier-quoting function: every name that goes into a sample query goes through it. */
final class MySqlIdentifiers {

    private MySqlIdentifiers() {
    }

    /** Always in backticks, embedded backticks doubled, so no name can end the identifier early. */
    static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A MySQL identifier cannot contain NUL");
        }
        return '`' + identifier.replace("`", "``") + '`';
    }
}
