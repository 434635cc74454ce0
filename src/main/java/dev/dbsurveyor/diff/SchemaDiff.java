package dev.dbsurveyor.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.model.ChangeCounts;
import dev.dbsurveyor.model.ChangeType;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.DiffKind;
import dev.dbsurveyor.model.DiffOptions;
import dev.dbsurveyor.model.DiffSide;
import dev.dbsurveyor.model.FieldChange;
import dev.dbsurveyor.model.ObjectChange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * What differs between two documents of one database: objects added, removed and changed (each
 * changed field with its old and new value), and objects on one side only that the other side's
 * failed stages left out, which are {@code Unknown}, never removed or added. The parts of a table
 * or view that is added, removed or unknown are not listed apart from it. Knows the model only,
 * so documents of any engine, and upstream's, compare alike.
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.between(before, after);
 * diff.changes().forEach(change -> ...);
 * }</pre>
 */
public record SchemaDiff(List<ObjectChange> changes) {

    public SchemaDiff {
        changes = List.copyOf(changes);
    }

    /** The differences between {@code old} and {@code next} with the default options (no volatile fields, no samples). */
    public static SchemaDiff between(DatabaseSchema old, DatabaseSchema next) {
        return between(old, next, DiffOptions.DEFAULTS);
    }

    /** The differences between {@code old} and {@code next}, its database object named after {@code old}'s database. */
    public static SchemaDiff between(DatabaseSchema old, DatabaseSchema next, DiffOptions options) {
        String database = old.databaseInfo().name();
        SortedMap<ObjectKey, ObjectNode> before = SchemaObjects.of(old, database, options);
        SortedMap<ObjectKey, ObjectNode> after = SchemaObjects.of(next, database, options);
        FailureCoverage oldFailures = new FailureCoverage(old.collectionMetadata().objectFailures());
        FailureCoverage newFailures = new FailureCoverage(next.collectionMetadata().objectFailures());
        Set<ObjectKey> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Entry> entries = new ArrayList<>();
        for (ObjectKey key : keys) {
            compare(key, before.get(key), after.get(key), oldFailures, newFailures).ifPresent(entries::add);
        }
        return new SchemaDiff(withoutPartsOfWholes(entries));
    }

    /** Whether nothing differs. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** How many objects were added, removed, changed and are unknown. */
    public ChangeCounts counts() {
        return ChangeCounts.of(changes);
    }

    private record Entry(ObjectKey key, ObjectChange change) {
    }

    private static Optional<Entry> compare(ObjectKey key, ObjectNode old, ObjectNode next, FailureCoverage oldFailures,
                                           FailureCoverage newFailures) {
        if (old != null && next != null) {
            if (old.equals(next)) {
                return Optional.empty();
            }
            List<FieldChange> fields = fieldChanges(old, next);
            Optional<CollectionStage> oldStage = oldFailures.stageThatLeftOut(key);
            Optional<CollectionStage> newStage = newFailures.stageThatLeftOut(key);
            if (oldStage.isPresent() != newStage.isPresent()) {
                DiffSide side = oldStage.isPresent() ? DiffSide.OLD : DiffSide.NEW;
                return Optional.of(entry(key, ChangeType.UNKNOWN, side, oldStage.or(() -> newStage).get(), fields));
            }
            return Optional.of(entry(key, ChangeType.CHANGED, null, null, fields));
        }
        DiffSide missing = old == null ? DiffSide.OLD : DiffSide.NEW;
        Optional<CollectionStage> stage = (old == null ? oldFailures : newFailures).stageThatLeftOut(key);
        List<FieldChange> fields = fieldChanges(old, next);
        if (stage.isPresent()) {
            return Optional.of(entry(key, ChangeType.UNKNOWN, missing, stage.get(), fields));
        }
        return Optional.of(entry(key, old == null ? ChangeType.ADDED : ChangeType.REMOVED, null, null, fields));
    }

    private static Entry entry(ObjectKey key, ChangeType change, DiffSide notCollectedIn, CollectionStage stage, List<FieldChange> fields) {
        return new Entry(key, new ObjectChange(key.kind(), key.schema(), key.table(), key.name(), key.signature(), change,
                notCollectedIn, stage, fields));
    }

    /** Each field whose value differs, in the order the document writes them; a missing side reads as null. */
    private static List<FieldChange> fieldChanges(ObjectNode old, ObjectNode next) {
        Set<String> names = new LinkedHashSet<>();
        if (old != null) {
            old.fieldNames().forEachRemaining(names::add);
        }
        if (next != null) {
            next.fieldNames().forEachRemaining(names::add);
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            JsonNode before = value(old, name);
            JsonNode after = value(next, name);
            if (!before.equals(after) || old == null || next == null) {
                changes.add(new FieldChange(name, before, after));
            }
        }
        return changes;
    }

    private static JsonNode value(ObjectNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        return value == null ? NullNode.getInstance() : value;
    }

    /** Leaves out the parts of a table or view that is itself added, removed or unknown: they are said with it. */
    private static List<ObjectChange> withoutPartsOfWholes(List<Entry> entries) {
        Map<String, ChangeType> wholes = new java.util.HashMap<>();
        for (Entry entry : entries) {
            DiffKind kind = entry.key().kind();
            if ((kind == DiffKind.TABLE || kind == DiffKind.VIEW) && entry.change().change() != ChangeType.CHANGED) {
                wholes.put(owner(entry.key().schema(), entry.key().name()), entry.change().change());
            }
        }
        List<ObjectChange> kept = new ArrayList<>();
        for (Entry entry : entries) {
            ObjectKey key = entry.key();
            if (!key.kind().partOfTable() || !wholes.containsKey(owner(key.schema(), key.table()))) {
                kept.add(entry.change());
            }
        }
        return kept;
    }

    private static String owner(String schema, String name) {
        return Objects.toString(schema, "") + "\u0000" + name;
    }
}
