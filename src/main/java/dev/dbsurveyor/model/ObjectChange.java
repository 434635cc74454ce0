package dev.dbsurveyor.model;

import java.util.List;

/**
 * One object that differs. It is named by its kind, {@code schema} (null where the engine has
 * none), {@code table} (the owning table or view of a part, else null), {@code name} and, for a
 * routine, {@code signature} (its parameter types, which tell overloads apart; null otherwise).
 * {@code fields} lists each field that differs; for an added or removed object every field, with
 * null on the side that lacks it. An {@code Unknown} change names the side that did not collect
 * the object ({@code notCollectedIn}) and that side's failed stage.
 */
public record ObjectChange(
        DiffKind kind,
        String schema,
        String table,
        String name,
        String signature,
        ChangeType change,
        DiffSide notCollectedIn,
        CollectionStage stage,
        List<FieldChange> fields) {

    public ObjectChange {
        Require.present(kind, "kind");
        Require.present(name, "name");
        Require.present(change, "change");
        fields = Require.list(fields);
        if ((change == ChangeType.UNKNOWN) != (notCollectedIn != null)) {
            throw new IllegalArgumentException("not_collected_in is set exactly when the change is Unknown");
        }
    }

    /** The same difference seen from the other side. */
    public ObjectChange reversed() {
        ChangeType reversed = switch (change) {
            case ADDED -> ChangeType.REMOVED;
            case REMOVED -> ChangeType.ADDED;
            case CHANGED, UNKNOWN -> change;
        };
        return new ObjectChange(kind, schema, table, name, signature, reversed, notCollectedIn == null ? null : notCollectedIn.other(),
                stage, fields.stream().map(FieldChange::reversed).toList());
    }
}
