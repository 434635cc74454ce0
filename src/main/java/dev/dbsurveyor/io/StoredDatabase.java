package dev.dbsurveyor.io;

import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseSchema;

/** One database of a {@link StoredCollection}: its document, or the status it was not collected with. */
public sealed interface StoredDatabase {

    /** The database's name. */
    String name();

    /** A database whose document was collected (its status is {@code Success}). */
    record Collected(String name, DatabaseSchema schema) implements StoredDatabase {
    }

    /** A database that failed or was skipped, with the status its collection ended in. */
    record NotCollected(String name, CollectionStatus status) implements StoredDatabase {
    }

    /** The stored form of {@code schema}: collected unless its status says it was not. */
    static StoredDatabase of(String name, DatabaseSchema schema) {
        CollectionStatus status = schema.databaseInfo().collectionStatus();
        return status instanceof CollectionStatus.Success ? new Collected(name, schema) : new NotCollected(name, status);
    }
}
