package dev.dbsurveyor.diff;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.io.StoredCollection;
import dev.dbsurveyor.io.StoredDatabase;
import dev.dbsurveyor.model.ChangeCounts;
import dev.dbsurveyor.model.ChangeDocument;
import dev.dbsurveyor.model.CollectionForm;
import dev.dbsurveyor.model.DatabaseChangeType;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.DiffInput;
import dev.dbsurveyor.model.DiffOptions;
import dev.dbsurveyor.model.DiffSummary;
import dev.dbsurveyor.sweep.GlobPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Compares two collections database by database, in name order: databases are matched by name,
 * and only one pair of documents is in memory at a time, so memory does not grow with the number
 * of databases. A single document on one side is compared with the database of its name on the
 * other (the other side's other databases are not compared); two single documents are compared
 * with each other whatever their names. Blocking: use it from a thread that may block.
 *
 * <pre>{@code
 * DiffSummary summary = CollectionDiff.of(CollectionReader.open(before), CollectionReader.open(after), DiffOptions.DEFAULTS)
 *         .compare(database -> ...);
 * }</pre>
 */
public final class CollectionDiff {

    private final StoredCollection old;
    private final StoredCollection next;
    private final DiffOptions options;
    private final List<GlobPattern> include;
    private final List<GlobPattern> exclude;

    private CollectionDiff(StoredCollection old, StoredCollection next, DiffOptions options) {
        this.old = old;
        this.next = next;
        this.options = options;
        this.include = options.include().stream().map(GlobPattern::compile).toList();
        this.exclude = options.exclude().stream().map(GlobPattern::compile).toList();
    }

    /** @throws ConfigurationException when an include or exclude glob is not valid */
    public static CollectionDiff of(StoredCollection old, StoredCollection next, DiffOptions options) {
        return new CollectionDiff(old, next, options);
    }

    /** The old side as a change document names it. */
    public DiffInput oldInput() {
        return new DiffInput(old.path().toString(), old.form());
    }

    /** The new side as a change document names it. */
    public DiffInput newInput() {
        return new DiffInput(next.path().toString(), next.form());
    }

    /** The options compared with. */
    public DiffOptions options() {
        return options;
    }

    /**
     * Hands each database that differs to {@code each}, in name order, and returns the totals.
     *
     * @throws ConfigurationException when a document of either side is missing or does not read
     */
    public DiffSummary compare(Consumer<DatabaseDiff> each) {
        return compare(each, compared -> { });
    }

    /**
     * As {@link #compare(Consumer)}, and tells {@code progress} how many databases have been compared
     * after each one (whether it differs or not).
     */
    public DiffSummary compare(Consumer<DatabaseDiff> each, IntConsumer progress) {
        Tally tally = new Tally(progress);
        if (old.form() == CollectionForm.DOCUMENT && next.form() == CollectionForm.DOCUMENT) {
            compareOne(old.read(old.names().get(0)), next.read(next.names().get(0)), each, tally);
            return tally.summary();
        }
        List<String> oldNames = selected(old, next);
        List<String> newNames = selected(next, old);
        int i = 0;
        int j = 0;
        while (i < oldNames.size() || j < newNames.size()) {
            int order = i == oldNames.size() ? 1 : j == newNames.size() ? -1 : oldNames.get(i).compareTo(newNames.get(j));
            StoredDatabase before = order <= 0 ? old.read(oldNames.get(i++)) : null;
            StoredDatabase after = order >= 0 ? next.read(newNames.get(j++)) : null;
            compareOne(before, after, each, tally);
        }
        return tally.summary();
    }

    /** The whole change document, held in memory: for embedding and tests; the command streams instead. */
    public ChangeDocument document() {
        List<DatabaseDiff> databases = new ArrayList<>();
        DiffSummary summary = compare(databases::add);
        return new ChangeDocument(DatabaseSchema.FORMAT_VERSION, oldInput(), newInput(), options, databases, summary);
    }

    /** The names of {@code side} the filters select; against a single document, that document's name only. */
    private List<String> selected(StoredCollection side, StoredCollection other) {
        List<String> names = side.names();
        if (other.form() == CollectionForm.DOCUMENT) {
            String name = other.names().get(0);
            names = names.contains(name) ? List.of(name) : List.of();
        }
        return names.stream().filter(this::selects).toList();
    }

    private boolean selects(String name) {
        return (include.isEmpty() || include.stream().anyMatch(glob -> glob.matches(name)))
                && exclude.stream().noneMatch(glob -> glob.matches(name));
    }

    private void compareOne(StoredDatabase before, StoredDatabase after, Consumer<DatabaseDiff> each, Tally tally) {
        Optional<DatabaseDiff> diff = DatabaseComparison.of(before, after, options);
        tally.add(diff);
        diff.ifPresent(each);
    }

    /** The totals of a comparison as it goes. */
    private static final class Tally {
        private int databases;
        private final int[] byChange = new int[DatabaseChangeType.values().length];
        private ChangeCounts objects = ChangeCounts.NONE;
        private final IntConsumer progress;

        Tally(IntConsumer progress) {
            this.progress = progress;
        }

        void add(Optional<DatabaseDiff> diff) {
            databases++;
            progress.accept(databases);
            diff.ifPresent(database -> {
                byChange[database.change().ordinal()]++;
                objects = objects.plus(database.counts());
            });
        }

        DiffSummary summary() {
            int differing = java.util.Arrays.stream(byChange).sum();
            return new DiffSummary(databases, byChange[DatabaseChangeType.ADDED.ordinal()], byChange[DatabaseChangeType.REMOVED.ordinal()],
                    byChange[DatabaseChangeType.FAILED.ordinal()], byChange[DatabaseChangeType.RECOVERED.ordinal()],
                    byChange[DatabaseChangeType.CHANGED.ordinal()], databases - differing, objects);
        }
    }
}
