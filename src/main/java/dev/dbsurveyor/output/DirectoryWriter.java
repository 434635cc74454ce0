package dev.dbsurveyor.output;

import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.SkippedDatabase;
import dev.dbsurveyor.sweep.DatabaseOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a sweep into a directory as it streams: each database's document (a stub with its status
 * for a failed or skipped one) as soon as it is known, each file atomically, and
 * {@code manifest.json} last. Blocking: use it from a thread that may block.
 */
public final class DirectoryWriter implements OutcomeWriter {

    public static final String MANIFEST = "manifest.json";
    public static final String NOT_REACHED = "not reached: the sweep was interrupted";

    private final Path directory;
    private final ServerInfo server;
    private final String collectorVersion;
    private final List<ManifestEntry> entries = new ArrayList<>();
    private final List<SkippedDatabase> filtered = new ArrayList<>();
    private final Set<String> written = new LinkedHashSet<>();
    private final Writing writing = new Writing();
    private boolean finished;

    public DirectoryWriter(Path directory, ServerInfo server, String collectorVersion) {
        this.directory = directory;
        this.server = server;
        this.collectorVersion = collectorVersion;
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
     * marked not reached (a stub file each), the others listed as filtered, so that an interrupted
     * sweep's manifest still accounts for every database.
     */
    public synchronized void markNotReached(List<String> enumerated, Set<String> selected) throws IOException {
        for (String database : enumerated) {
            if (written.contains(database)) {
                continue;
            }
            if (selected.contains(database)) {
                stub(database, new CollectionStatus.Skipped(NOT_REACHED), Duration.ZERO);
            } else {
                filtered.add(new SkippedDatabase(database, "left out by the filters"));
            }
            written.add(database);
        }
    }

    /** Databases listed as filtered, those accounted for when the sweep was interrupted included. */
    public synchronized int filteredCount() {
        return filtered.size();
    }

    /** Writes the manifest, last. */
    @Override
    public synchronized void finish(MultiDatabaseMetadata metadata) throws IOException {
        finished = true;
        MultiDatabaseManifest manifest = new MultiDatabaseManifest(DatabaseSchema.FORMAT_VERSION, server, entries, metadata, filtered);
        AtomicFiles.write(directory.resolve(MANIFEST), out -> ContractMapper.mapper().writeValue(out, manifest));
    }

    private void stub(String database, CollectionStatus status, Duration duration) throws IOException {
        String file = DatabaseFileNames.fileName(database);
        write(file, DatabaseSchema.notCollected(database, status, duration.toMillis(), Instant.now(), collectorVersion));
        entries.add(new ManifestEntry(database, file, status, duration.toMillis(), 0));
    }

    private void write(String file, DatabaseSchema document) throws IOException {
        Path path = directory.resolve(file).normalize();
        if (!directory.toAbsolutePath().normalize().equals(path.toAbsolutePath().getParent())) {
            throw new IOException("Refusing to write " + file + " outside " + directory);
        }
        AtomicFiles.write(path, out -> ContractMapper.mapper().writeValue(out, document));
    }

    /** Writes each outcome's file (none for a filtered database) and its manifest entry; called under the writer's lock. */
    private final class Writing implements DatabaseOutcome.Visitor<Void> {
        @Override
        public Void collected(DatabaseOutcome.Collected collected) {
            String file = DatabaseFileNames.fileName(collected.database());
            unchecked(() -> write(file, collected.schema()));
            entries.add(new ManifestEntry(collected.database(), file, CollectionStatus.SUCCESS, collected.duration().toMillis(),
                    collected.schema().collectionMetadata().objectFailures().size()));
            return null;
        }

        @Override
        public Void failed(DatabaseOutcome.Failed failed) {
            unchecked(() -> stub(failed.database(), new CollectionStatus.Failed(failed.failure().errorMessage()), failed.duration()));
            return null;
        }

        @Override
        public Void skipped(DatabaseOutcome.Skipped skip) {
            unchecked(() -> stub(skip.database(), new CollectionStatus.Skipped(skip.reason()), Duration.ZERO));
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

    /** How many entries the manifest will have: counted as skipped in the metadata are those not reached. */
    public synchronized int notReached() {
        return (int) entries.stream().filter(entry -> entry.status() instanceof CollectionStatus.Skipped skipped
                && skipped.reason().equals(NOT_REACHED)).count();
    }
}
