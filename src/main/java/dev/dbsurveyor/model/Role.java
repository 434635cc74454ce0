package dev.dbsurveyor.model;

import java.time.Instant;

/**
 * A role of a server and its attributes; an addition to v1.0. Never a password or its hash.
 * {@code connectionLimit} and {@code validUntil} are null when there is none.
 */
public record Role(
        String name,
        boolean superuser,
        boolean login,
        boolean inherit,
        boolean createRole,
        boolean createDatabase,
        boolean replication,
        boolean bypassRls,
        Integer connectionLimit,
        Instant validUntil) {

    public Role {
        Require.text(name, "name");
    }
}
