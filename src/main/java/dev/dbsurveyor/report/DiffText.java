package dev.dbsurveyor.report;

import dev.dbsurveyor.model.ChangeType;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.model.DiffKind;
import dev.dbsurveyor.model.DiffSummary;
import dev.dbsurveyor.model.FieldChange;
import dev.dbsurveyor.model.ObjectChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human summary of a comparison, for a terminal: per database that differs, a line with its
 * counts, then its changes grouped by kind, each changed field as {@code old -> new}; at the end
 * the totals. Control characters in names and values are escaped, so that no catalog text can
 * move the cursor or recolour the terminal.
 */
public final class DiffText {

    private DiffText() {
    }

    /** The lines of one database that differs. */
    public static List<String> lines(DatabaseDiff database) {
        List<String> lines = new ArrayList<>();
        lines.add(escape(ChangeLabels.database(database)));
        Map<DiffKind, List<ObjectChange>> byKind = new TreeMap<>();
        database.objects().forEach(change -> byKind.computeIfAbsent(change.kind(), kind -> new ArrayList<>()).add(change));
        byKind.forEach((kind, changes) -> {
            lines.add("  " + kind.word());
            for (ObjectChange change : changes) {
                String line = "    " + ChangeLabels.sign(change) + " " + ChangeLabels.name(change);
                if (change.change() == ChangeType.UNKNOWN) {
                    line += ": " + ChangeLabels.unknown(change);
                }
                lines.add(escape(line));
                if (change.change() == ChangeType.CHANGED || change.change() == ChangeType.UNKNOWN && hasBothSides(change)) {
                    change.fields().forEach(field -> lines.addAll(field(field)));
                }
            }
        });
        return lines;
    }

    /** A changed field on one line, or a long or multi-line text as its old lines and its new lines. */
    private static List<String> field(FieldChange field) {
        String old = ChangeLabels.before(field);
        String next = ChangeLabels.after(field);
        if (!ChangeLabels.tooLong(old) && !ChangeLabels.tooLong(next)) {
            return List.of(escape("        " + field.field() + ": " + old + " -> " + next));
        }
        List<String> lines = new ArrayList<>();
        lines.add(escape("        " + field.field() + ":"));
        old.lines().forEach(line -> lines.add(escape("          - " + line)));
        next.lines().forEach(line -> lines.add(escape("          + " + line)));
        return lines;
    }

    /** The totals line. */
    public static String summary(DiffSummary summary) {
        return ChangeLabels.summary(summary);
    }

    private static boolean hasBothSides(ObjectChange change) {
        return change.fields().stream().noneMatch(field -> field.oldValue().isNull() && !field.newValue().isNull()
                || field.newValue().isNull() && !field.oldValue().isNull());
    }

    /** Text with control characters (and lone line breaks) written as {@code \\uXXXX}. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            if (Character.isISOControl(point) || point == 0x2028 || point == 0x2029) {
                escaped.append(String.format("\\u%04x", point));
            } else {
                escaped.appendCodePoint(point);
            }
        });
        return escaped.toString();
    }
}
