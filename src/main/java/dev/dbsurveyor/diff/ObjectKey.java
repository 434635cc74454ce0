package dev.dbsurveyor.diff;

import dev.dbsurveyor.model.DiffKind;

import java.util.Comparator;

/**
 * What names an object across two collections: its kind, schema, owning table or view (for a part
 * of one), name, and for a routine its signature. Null parts sort first.
 */
record ObjectKey(DiffKind kind, String schema, String table, String name, String signature) implements Comparable<ObjectKey> {

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<ObjectKey> ORDER = Comparator.comparing(ObjectKey::kind)
            .thenComparing(ObjectKey::schema, TEXT)
            .thenComparing(ObjectKey::table, TEXT)
            .thenComparing(ObjectKey::name, TEXT)
            .thenComparing(ObjectKey::signature, TEXT);

    @Override
    public int compareTo(ObjectKey other) {
        return ORDER.compare(this, other);
    }
}
