package dev.dbsurveyor.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Names built to break SQL, for one kind of object on one engine: quotes, backticks, semicolons,
 * comments, newlines, control characters, non-ASCII, and the longest name the engine keeps
 * (PostgreSQL: 63 bytes; MySQL: 64 characters). Each is a name the engine accepts: MySQL's hold
 * only the Basic Multilingual Plane and may not end with a space.
 */
public final class HostileNames {

    private static final int POSTGRES_MAX_BYTES = 63;
    private static final int MYSQL_MAX_CHARS = 64;

    private HostileNames() {
    }

    /** Seven names, each starting with {@code kind}. */
    public static List<String> of(Engine engine, String kind) {
        return List.of(
                kind + "\"; DROP TABLE x; --",
                kind + "'quoted' `back`",
                kind + " -- comment\n/* block */",
                kind + "\ttab\u0001\u001f\u007f",
                kind + " ünïcödé 表" + (engine == Engine.POSTGRES ? " 🐘" : ""),
                kind + "$$ $1 ? %s \\ x",
                longest(engine, kind));
    }

    private static String longest(Engine engine, String kind) {
        StringBuilder name = new StringBuilder(kind).append('_');
        while (engine == Engine.POSTGRES
                ? name.toString().getBytes(StandardCharsets.UTF_8).length < POSTGRES_MAX_BYTES
                : name.length() < MYSQL_MAX_CHARS) {
            name.append('x');
        }
        return name.toString();
    }
}
