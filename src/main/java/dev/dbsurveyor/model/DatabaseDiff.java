package dev.dbsurveyor.model;

import java.util.List;

/**
 * One database that differs between the two sides, with each side's collection status (null on
 * the side that does not have it) and its object changes in a stable order: by kind, schema,
 * table, name and signature. An added or removed database lists no objects.
 */
public record DatabaseDiff(
        String name,
        DatabaseChangeType change,
        CollectionStatus oldStatus,
        CollectionStatus newStatus,
        ChangeCounts counts,
        List<ObjectChange> objects) {

    public DatabaseDiff {
        Require.text(name, "name");
        Require.present(change, "change");
        objects = Require.list(objects);
        counts = ChangeCounts.of(objects);
    }

    /** A database difference with the counts of its object changes. */
    public DatabaseDiff(String name, DatabaseChangeType change, CollectionStatus oldStatus, CollectionStatus newStatus,
                        List<ObjectChange> objects) {
        this(name, change, oldStatus, newStatus, null, objects);
    }

    /** The same difference seen from the other side. */
    public DatabaseDiff reversed() {
        return new DatabaseDiff(name, change.reversed(), newStatus, oldStatus, objects.stream().map(ObjectChange::reversed).toList());
    }
}
