package dev.dbsurveyor.output;

import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.SkippedDatabase;
import dev.dbsurveyor.model.SweepFilters;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.io.protection.ProtectedFiles;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.sweep.ResumePlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a sweep into a directory as it streams: each database's document (a stub with its status
 * for a failed or skipped one) as soon as it is known, each file atomically, and
 * {@code manifest.json} last. A writer {@linkplain #resuming resuming} a directory starts from the
 * entries its plan keeps, replaces only the files of the databases it runs again, and carries each
 * entry's history (attempts, last attempt) forward; a collected document is never replaced by the
 * stub of a failed attempt. Every file, the manifest included, is written through the writer's
 * {@link OutputProtection} and named with its extensions. Blocking: use it from a thread that may block.
 */
public final class DirectoryWriter implements OutcomeWriter {

    public static final String MANIFEST = "manifest.json";
    public static final String NOT_REACHED = ResumePlan.NOT_REACHED + ": the sweep was interrupted";
    public static final String NOT_REACHED_AFTER_FAILURE = ResumePlan.NOT_REACHED + ": the sweep stopped at its first failure";

    private final Path directory;
    private final ServerInfo server;
    private final String collectorVersion;
    private final SweepFilters filters;
    private final OutputProtection protection;
    private final Map<String, ManifestEntry> entries = new LinkedHashMap<>();
    private final Map<String, ManifestEntry> previous;
    private final List<SkippedDatabase> filtered = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> written = new LinkedHashSet<>();
    private final Writing writing = new Writing();
    private boolean finished;
    private MultiDatabaseManifest manifest;

    private DirectoryWriter(Path directory, ServerInfo server, String collectorVersion, SweepFilters filters,
                            OutputProtection protection, Map<String, ManifestEntry> previous) {
        this.directory = directory;
        this.server = server;
        this.collectorVersion = collectorVersion;
        this.filters = filters;
        this.protection = protection;
        this.previous = Map.copyOf(previous);
    }

    /** The manifests {@code directory} holds, in any protection ({@code manifest.json}, {@code manifest.json.zst.enc}…). */
    public static List<Path> manifests(Path directory) {
        return ProtectedFiles.namesOf(MANIFEST).stream().map(directory::resolve).filter(Files::isRegularFile).toList();
    }

    /** A writer of a new sweep of {@code server} into {@code directory}, recording {@code filters} in the manifest. */
    public DirectoryWriter(Path directory, ServerInfo server, String collectorVersion, SweepFilters filters) {
        this(directory, server, collectorVersion, filters, OutputProtection.NONE);
    }

    /** A writer of a new sweep into {@code directory} whose files are written through {@code protection}. */
    public DirectoryWriter(Path directory, ServerInfo server, String collectorVersion, SweepFilters filters, OutputProtection protection) {
        this(directory, server, collectorVersion, filters, protection, Map.of());
    }

    /**
     * A writer that resumes {@code directory} along {@code plan}: the manifest it writes holds the
     * entries the plan keeps, the databases it filters out, and an entry for each outcome added.
     * Temporary files that an interrupted run left are deleted.
     */
    public static DirectoryWriter resuming(Path directory, ResumePlan plan, String collectorVersion, SweepFilters filters) throws IOException {
        return resuming(directory, plan, collectorVersion, filters, OutputProtection.NONE);
    }

    /** A writer that resumes {@code directory} along {@code plan}, writing the files it replaces through {@code protection}. */
    public static DirectoryWriter resuming(Path directory, ResumePlan plan, String collectorVersion, SweepFilters filters,
                                           OutputProtection protection) throws IOException {
        DirectoryWriter writer = new DirectoryWriter(directory, plan.server(), collectorVersion, filters, protection, plan.previousEntries());
        plan.kept().forEach(entry -> writer.entries.put(entry.name(), entry));
        writer.filtered.addAll(plan.filtered());
        plan.filterChange().ifPresent(writer.warnings::add);
        writer.deleteTemporaryFiles();
        return writer;
    }

    @Override
    public synchronized boolean add(DatabaseOutcome outcome) throws IOException {
        if (finished) {
            return false;
        }
        try {
            outcome.accept(writing);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        written.add(outcome.database());
        return true;
    }

    /**
     * Accounts for the enumerated databases that have no outcome yet: those the filters select are
     * marked not reached (a stub file each, Skipped with {@code reason}), the others listed as
     * filtered, so that an interrupted sweep's manifest still accounts for every database.
     */
    public synchronized void markNotReached(List<String> enumerated, Set<String> selected, String reason) throws IOException {
        for (String database : enumerated) {
            if (written.contains(database)) {
                continue;
            }
            if (selected.contains(database)) {
                stub(database, new CollectionStatus.Skipped(reason), Duration.ZERO, Instant.now());
            } else {
                filtered.add(new SkippedDatabase(database, "left out by the filters"));
            }
            written.add(database);
        }
    }

    /**
     * Accounts for the databases a resume was to run again and has no outcome for: each keeps the
     * entry it had (and so is run again by the next resume); one that had none is marked not
     * reached with {@code reason}. Returns how many it accounted for.
     */
    public synchronized int markUnfinished(List<String> rerun, String reason) throws IOException {
        int unfinished = 0;
        for (String database : rerun) {
            if (written.add(database)) {
                unfinished++;
                ManifestEntry before = previous.get(database);
                if (before != null) {
                    entries.put(database, before);
                } else {
                    stub(database, new CollectionStatus.Skipped(reason), Duration.ZERO, Instant.now());
                }
            }
        }
        return unfinished;
    }

    /** Databases listed as filtered, those accounted for when the sweep was interrupted included. */
    public synchronized int filteredCount() {
        return filtered.size();
    }

    /**
     * Writes the manifest, last: its entries and filtered databases sorted by name, its counts
     * those of the entries (a stale entry is in none), its times and figures those of {@code run},
     * its warnings those of {@code run} and then the writer's own.
     */
    @Override
    public synchronized void finish(MultiDatabaseMetadata run) throws IOException {
        finished = true;
        List<ManifestEntry> sorted = entries.values().stream().sorted(Comparator.comparing(ManifestEntry::name)).toList();
        List<SkippedDatabase> sortedFiltered = filtered.stream().sorted(Comparator.comparing(SkippedDatabase::databaseName)).toList();
        List<ManifestEntry> present = sorted.stream().filter(entry -> !entry.stale()).toList();
        int collected = count(present, CollectionStatus.Success.class);
        int failed = count(present, CollectionStatus.Failed.class);
        int skipped = count(present, CollectionStatus.Skipped.class);
        List<String> allWarnings = new ArrayList<>(run.warnings());
        allWarnings.addAll(warnings);
        MultiDatabaseMetadata metadata = new MultiDatabaseMetadata(run.startedAt(), run.totalDurationMs(),
                present.size() + sortedFiltered.size(), sortedFiltered.size(), collected, failed, skipped, run.maxConcurrency(),
                run.collectorVersion(), allWarnings, run.durationStats());
        MultiDatabaseManifest written = new MultiDatabaseManifest(DatabaseSchema.FORMAT_VERSION, server, sorted, metadata, sortedFiltered,
                filters);
        AtomicFiles.write(directory.resolve(protection.fileName(MANIFEST)), protection, out -> ContractMapper.mapper().writeValue(out, written));
        manifest = written;
    }

    /** The manifest {@link #finish} wrote; null before. */
    public synchronized MultiDatabaseManifest manifest() {
        return manifest;
    }

    /** Adds a line to the manifest's warnings. */
    public synchronized void warn(String warning) {
        warnings.add(warning);
    }

    private static int count(List<ManifestEntry> entries, Class<? extends CollectionStatus> status) {
        return (int) entries.stream().filter(entry -> status.isInstance(entry.status())).count();
    }

    /** How many entries are marked not reached. */
    public synchronized int notReached() {
        return (int) entries.values().stream().filter(entry -> ResumePlan.notReached(entry.status())).count();
    }

    private void stub(String database, CollectionStatus status, Duration duration, Instant attemptedAt) throws IOException {
        ManifestEntry before = previous.get(database);
        String file = fileOf(database);
        write(file, DatabaseSchema.notCollected(database, status, duration.toMillis(), Instant.now(), collectorVersion));
        boolean attempted = !(status instanceof CollectionStatus.Skipped);
        int attemptsBefore = before != null ? before.attempts() : 0;
        entries.put(database, new ManifestEntry(database, file, status, duration.toMillis(), 0,
                attemptsBefore + (attempted ? 1 : 0), attempted ? attemptedAt : before != null ? before.lastAttemptAt() : null, null));
    }

    /** The file of a database: the one its entry had, else the name derived from it. */
    private String fileOf(String database) {
        ManifestEntry before = previous.get(database);
        return before != null ? before.file() : protection.fileName(DatabaseFileNames.fileName(database));
    }

    private void write(String file, DatabaseSchema document) throws IOException {
        Path path = directory.resolve(file).normalize();
        if (!directory.toAbsolutePath().normalize().equals(path.toAbsolutePath().getParent())) {
            throw new IOException("Refusing to write " + file + " outside " + directory);
        }
        AtomicFiles.write(path, protection, out -> ContractMapper.mapper().writeValue(out, document));
    }

    /** Deletes what {@link AtomicFiles} leaves when a run is killed while writing: hidden {@code .NAME.*.tmp} files. */
    private void deleteTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp") && (name.contains(DatabaseFileNames.SUFFIX + ".") || name.contains(MANIFEST + "."))
                        && Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Writes each outcome's file (none for a filtered database) and its manifest entry; called under the writer's lock. */
    private final class Writing implements DatabaseOutcome.Visitor<Void> {
        @Override
        public Void collected(DatabaseOutcome.Collected collected) {
            String database = collected.database();
            ManifestEntry before = previous.get(database);
            String file = fileOf(database);
            unchecked(() -> write(file, collected.schema()));
            entries.put(database, new ManifestEntry(database, file, CollectionStatus.SUCCESS, collected.duration().toMillis(),
                    collected.schema().collectionMetadata().objectFailures().size(), (before != null ? before.attempts() : 0) + 1,
                    collected.schema().collectionMetadata().collectedAt(), null));
            return null;
        }

        @Override
        public Void failed(DatabaseOutcome.Failed failed) {
            String database = failed.database();
            ManifestEntry before = previous.get(database);
            Instant attemptedAt = Instant.now().minus(failed.duration()).truncatedTo(ChronoUnit.MILLIS);
            if (before != null && before.status() instanceof CollectionStatus.Success) {
                entries.put(database, before.attemptedAgain(attemptedAt));
                warnings.add(database + ": collecting it again failed (" + failed.failure().errorMessage()
                        + "); the document collected before is kept");
            } else {
                unchecked(() -> stub(database, new CollectionStatus.Failed(failed.failure().errorMessage()), failed.duration(), attemptedAt));
            }
            return null;
        }

        @Override
        public Void skipped(DatabaseOutcome.Skipped skip) {
            unchecked(() -> stub(skip.database(), new CollectionStatus.Skipped(skip.reason()), Duration.ZERO, Instant.now()));
            return null;
        }

        @Override
        public Void filtered(DatabaseOutcome.Filtered filter) {
            filtered.add(new SkippedDatabase(filter.database(), filter.reason()));
            return null;
        }

        private void unchecked(FileWork work) {
            try {
                work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FunctionalInterface
    private interface FileWork {
        void run() throws IOException;
    }
}
