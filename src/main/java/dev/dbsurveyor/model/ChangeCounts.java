package dev.dbsurveyor.model;

import java.util.List;

/** How many objects were added, removed, changed, and are unknown (one side did not collect them). */
public record ChangeCounts(int added, int removed, int changed, int unknown) {

    public static final ChangeCounts NONE = new ChangeCounts(0, 0, 0, 0);

    public ChangeCounts {
        Require.nonNegative(added, "added");
        Require.nonNegative(removed, "removed");
        Require.nonNegative(changed, "changed");
        Require.nonNegative(unknown, "unknown");
    }

    /** The counts of {@code changes}. */
    public static ChangeCounts of(List<ObjectChange> changes) {
        int[] counts = new int[ChangeType.values().length];
        changes.forEach(change -> counts[change.change().ordinal()]++);
        return new ChangeCounts(counts[ChangeType.ADDED.ordinal()], counts[ChangeType.REMOVED.ordinal()],
                counts[ChangeType.CHANGED.ordinal()], counts[ChangeType.UNKNOWN.ordinal()]);
    }

    /** These counts and {@code other}'s, added up. */
    public ChangeCounts plus(ChangeCounts other) {
        return new ChangeCounts(added + other.added, removed + other.removed, changed + other.changed, unknown + other.unknown);
    }

    /** The same counts seen from the other side. */
    public ChangeCounts reversed() {
        return new ChangeCounts(removed, added, changed, unknown);
    }

    /** How many objects differ in all. */
    public int total() {
        return added + removed + changed + unknown;
    }
}
