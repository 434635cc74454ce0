package dev.dbsurveyor.model;

import java.util.List;
import java.util.Set;

/**
 * What a comparison compares. {@code includeVolatile}: also the fields that change on every
 * collection (times, durations, sizes, estimates, versions), off by default. {@code includeSamples}:
 * also sample rows, off by default. {@code kinds}: the kinds compared, every kind when empty.
 * {@code include} and {@code exclude}: database-name globs, as {@code collect} takes them; no
 * include means every database.
 */
public record DiffOptions(boolean includeVolatile, boolean includeSamples, List<DiffKind> kinds, List<String> include,
                          List<String> exclude) {

    /** Everything but volatile fields and samples, of every database. */
    public static final DiffOptions DEFAULTS = new DiffOptions(false, false, List.of(), List.of(), List.of());

    public DiffOptions {
        kinds = List.copyOf(Set.copyOf(Require.list(kinds))).stream().sorted().toList();
        include = Require.list(include);
        exclude = Require.list(exclude);
    }

    /** Whether objects of {@code kind} are compared. */
    public boolean compares(DiffKind kind) {
        return (kind != DiffKind.SAMPLE || includeSamples) && (kinds.isEmpty() || kinds.contains(kind));
    }
}
