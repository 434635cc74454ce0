package dev.dbsurveyor.model;

/**
 * The totals of a change document: databases compared (present on at least one side and
 * selected), how many of them were added, removed, newly failed, recovered, changed and unchanged,
 * and the object changes of them all.
 */
public record DiffSummary(
        int databases,
        int added,
        int removed,
        int failed,
        int recovered,
        int changed,
        int unchanged,
        ChangeCounts objects) {

    public DiffSummary {
        Require.nonNegative(databases, "databases");
        Require.present(objects, "objects");
        if (added + removed + failed + recovered + changed + unchanged != databases) {
            throw new IllegalArgumentException("the databases of each kind must add up to " + databases);
        }
    }

    /** Whether anything differs. */
    public boolean differs() {
        return unchanged != databases;
    }
}
