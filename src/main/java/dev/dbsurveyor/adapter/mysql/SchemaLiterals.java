package dev.dbsurveyor.adapter.mysql;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Database names as SQL literals. A name is written as a hexadecimal literal ({@code X'…'} of its
 * UTF-8 bytes): nothing in a name can end the literal, whatever the server's {@code sql_mode}, and
 * compared with a catalog column it matches the exact name, case included.
 */
final class SchemaLiterals {

    private static final HexFormat HEX = HexFormat.of();

    private SchemaLiterals() {
    }

    static String literal(String name) {
        return "X'" + HEX.formatHex(name.getBytes(StandardCharsets.UTF_8)) + "'";
    }
}
