package dev.dbsurveyor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.model.ChangeCounts;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.model.DiffSummary;
import dev.dbsurveyor.model.FieldChange;
import dev.dbsurveyor.model.ObjectChange;
import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.output.ContractMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The words both renderings of a change document use: how an object is named, how a value is
 * shown, what a count line says. Names come from catalogs and are hostile input: each renderer
 * escapes what these return for its own medium.
 */
public final class ChangeLabels {

    private static final String DATA_TYPE = "data_type";

    private ChangeLabels() {
    }

    /** An object's qualified name: {@code schema.table.name}, a routine with its signature, a key or sample by its table. */
    public static String name(ObjectChange change) {
        List<String> parts = new ArrayList<>();
        if (change.schema() != null) {
            parts.add(change.schema());
        }
        if (change.table() != null) {
            parts.add(change.table());
        }
        if (!change.name().isEmpty()) {
            parts.add(change.name());
        }
        String name = String.join(".", parts) + (change.signature() != null ? change.signature() : "");
        return switch (change.kind()) {
            case PRIMARY_KEY -> "primary key of " + name;
            case SAMPLE -> "sample of " + name;
            default -> name;
        };
    }

    /** The sign of a change: + added, - removed, ~ changed, ? unknown. */
    public static String sign(ObjectChange change) {
        return switch (change.change()) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case CHANGED -> "~";
            case UNKNOWN -> "?";
        };
    }

    /** What an unknown change says: which side did not collect the object, and the stage that failed. */
    public static String unknown(ObjectChange change) {
        return "unknown: not collected in " + change.notCollectedIn().name() + " (stage " + stage(change) + " failed)";
    }

    private static String stage(ObjectChange change) {
        return change.stage() == null ? "unknown" : change.stage().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A value as one line: a string as itself, anything else as compact JSON. */
    private static String value(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** A field's value before the change: a string as itself, a column's type as its label ({@code Integer(32)}), anything else as compact JSON. */
    public static String before(FieldChange field) {
        return value(field.field(), field.oldValue());
    }

    /** A field's value after the change, as {@link #before}. */
    public static String after(FieldChange field) {
        return value(field.field(), field.newValue());
    }

    private static String value(String field, JsonNode value) {
        if (DATA_TYPE.equals(field) && value.isContainerNode()) {
            try {
                return TypeLabels.of(ContractMapper.mapper().treeToValue(value, UnifiedDataType.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // A type this version of the contract does not know: shown as the document has it.
            }
        }
        return value(value);
    }

    /** Whether a value is too long for one line beside another, or spans lines. */
    static boolean tooLong(String value) {
        return value.length() > 60 || value.contains("\n");
    }

    /** A database's line: its name, how it differs, and for a changed one the counts. */
    public static String database(DatabaseDiff database) {
        String line = switch (database.change()) {
            case ADDED -> "added" + notCollected(database.newStatus());
            case REMOVED -> "removed" + notCollected(database.oldStatus());
            case FAILED -> "newly failed: " + status(database.newStatus());
            case RECOVERED -> "recovered (was " + status(database.oldStatus()) + ")";
            case CHANGED -> "changed: " + counts(database.counts());
        };
        return database.name() + ": " + line;
    }

    private static String notCollected(CollectionStatus status) {
        return status instanceof CollectionStatus.Success || status == null ? "" : " (" + status(status) + ")";
    }

    public static String status(CollectionStatus status) {
        if (status instanceof CollectionStatus.Failed failed) {
            return "failed: " + failed.error();
        }
        if (status instanceof CollectionStatus.Skipped skipped) {
            return "skipped: " + skipped.reason();
        }
        return "collected";
    }

    public static String counts(ChangeCounts counts) {
        return counts.added() + " added, " + counts.removed() + " removed, " + counts.changed() + " changed, "
                + counts.unknown() + " unknown";
    }

    /** The totals line. */
    public static String summary(DiffSummary summary) {
        return summary.databases() + " database(s) compared: " + summary.added() + " added, " + summary.removed() + " removed, "
                + summary.failed() + " newly failed, " + summary.recovered() + " recovered, " + summary.changed() + " changed, "
                + summary.unchanged() + " unchanged; objects: " + counts(summary.objects());
    }
}
