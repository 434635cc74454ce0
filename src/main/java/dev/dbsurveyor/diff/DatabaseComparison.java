package dev.dbsurveyor.diff;

import dev.dbsurveyor.io.StoredDatabase;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseChangeType;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.model.DiffOptions;

import java.util.List;
import java.util.Optional;

/**
 * How one database differs between the sides: added, removed, newly failed, recovered, or
 * collected on both with objects that differ. A database collected on neither side (failed or
 * skipped both times) does not differ: nothing is known of its objects.
 */
final class DatabaseComparison {

    private DatabaseComparison() {
    }

    /** The difference of {@code old} and {@code next} (either may be null: absent on that side), or empty when none. */
    static Optional<DatabaseDiff> of(StoredDatabase old, StoredDatabase next, DiffOptions options) {
        String name = old != null ? old.name() : next.name();
        CollectionStatus before = statusOf(old);
        CollectionStatus after = statusOf(next);
        if (old == null || next == null) {
            return Optional.of(new DatabaseDiff(name, old == null ? DatabaseChangeType.ADDED : DatabaseChangeType.REMOVED, before, after,
                    List.of()));
        }
        if (old instanceof StoredDatabase.Collected collectedBefore && next instanceof StoredDatabase.Collected collectedAfter) {
            SchemaDiff diff = SchemaDiff.between(collectedBefore.schema(), collectedAfter.schema(), options);
            return diff.isEmpty() ? Optional.empty()
                    : Optional.of(new DatabaseDiff(name, DatabaseChangeType.CHANGED, before, after, diff.changes()));
        }
        if (old instanceof StoredDatabase.Collected) {
            return Optional.of(new DatabaseDiff(name, DatabaseChangeType.FAILED, before, after, List.of()));
        }
        if (next instanceof StoredDatabase.Collected) {
            return Optional.of(new DatabaseDiff(name, DatabaseChangeType.RECOVERED, before, after, List.of()));
        }
        return Optional.empty();
    }

    private static CollectionStatus statusOf(StoredDatabase database) {
        if (database == null) {
            return null;
        }
        return database instanceof StoredDatabase.NotCollected notCollected ? notCollected.status() : CollectionStatus.SUCCESS;
    }
}
