package dev.dbsurveyor.model;

/** A database as the server lists it, before any collection; {@code sizeBytes} is null when unknown. */
public record EnumeratedDatabase(
        String name,
        String owner,
        String encoding,
        String collation,
        Long sizeBytes,
        boolean isSystemDatabase,
        boolean isAccessible) {

    public EnumeratedDatabase {
        Require.text(name, "name");
        Require.nonNegative(sizeBytes, "size_bytes");
    }
}
