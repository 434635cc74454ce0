package dev.dbsurveyor.fleet;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.io.DirectoryCollection;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.io.protection.ProtectedFiles;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.FleetManifest;
import dev.dbsurveyor.model.FleetServerEntry;
import dev.dbsurveyor.model.FleetServerEntry.ServerCounts;
import dev.dbsurveyor.model.FleetServerStatus;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.output.DirectoryWriter;
import dev.dbsurveyor.output.FileTrees;
import dev.dbsurveyor.output.FleetManifestFile;
import dev.dbsurveyor.output.OutputPaths;
import dev.dbsurveyor.output.SweepFiles;
import dev.dbsurveyor.sweep.ResumeScope;
import dev.dbsurveyor.sweep.Sweep;
import dev.dbsurveyor.sweep.SweepTally;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A fleet swept into a fleet directory: one single-server directory per server, written exactly as
 * {@code collect --output-dir} writes it, and the fleet manifest last. An interrupted run still
 * writes its fleet manifest once every server's files have settled, with the servers it did not
 * finish marked interrupted; {@link #resume} completes it, and so it does a directory whose run
 * was killed before any fleet manifest was written.
 */
public final class FleetRun {

    /** How long an interrupted run waits for its servers' files to settle before it writes the fleet manifest. */
    private static final Duration SETTLING = Duration.ofSeconds(30);

    private final Fleet fleet;
    private final Path directory;
    private final OutputProtection protection;
    private final FleetListener listener;

    private FleetRun(Fleet fleet, Path directory, OutputProtection protection, FleetListener listener) {
        this.fleet = fleet;
        this.directory = directory;
        this.protection = protection;
        this.listener = listener;
    }

    /** A run of {@code fleet} into {@code directory} (which exists), every file written through {@code protection}. */
    public static FleetRun of(Fleet fleet, Path directory, OutputProtection protection, FleetListener listener) {
        return new FleetRun(fleet, directory, protection, listener);
    }

    /**
     * Sweeps every server of the fleet afresh: each server's subdirectory is emptied before its
     * sweep writes it. {@code whenSettled} runs once the files are final, however the run ends.
     */
    public Mono<FleetResult> collect(Runnable whenSettled) {
        return Mono.fromRunnable(this::removeFleetManifests).subscribeOn(Schedulers.boundedElastic())
                .then(run(this::fresh, whenSettled));
    }

    /**
     * Completes the directory of an earlier run of this inventory and shard: a server whose
     * subdirectory has a manifest is resumed as {@code collect --resume} resumes one server
     * ({@code scope} says what is run again), any other is swept afresh, and the fleet manifest
     * is written anew. Every server manifest is read, with {@code keys}, before anything
     * connects; one that cannot be read, or of another form, fails the run with a
     * {@link ConfigurationException} and changes nothing.
     */
    public Mono<FleetResult> resume(Decryption keys, ResumeScope scope, Runnable whenSettled) {
        return Mono.fromCallable(() -> {
                    Map<String, DirectoryCollection> written = written(keys);
                    // A fleet manifest stands for a finished run: until this one's is written, there is none.
                    removeFleetManifests();
                    return written;
                }).subscribeOn(Schedulers.boundedElastic())
                .flatMap(written -> run((server, settling) -> written.containsKey(server.label())
                        ? resumed(server, written.get(server.label()), scope, settling) : fresh(server, settling), whenSettled));
    }

    private Mono<FleetResult> run(BiFunction<FleetServer, Settling, Mono<ServerResult>> sweep, Runnable whenSettled) {
        return Mono.defer(() -> {
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long started = System.nanoTime();
            Map<String, Sinks.Empty<Void>> settling = new ConcurrentHashMap<>();
            Map<String, ServerResult> ended = new ConcurrentHashMap<>();
            return Flux.fromIterable(fleet.servers())
                    .flatMap(server -> settled(server, settling, sweep).doOnNext(result -> {
                        ended.put(server.label(), result);
                        notifyEnded(result.entry());
                    }), fleet.serversAtOnce())
                    .then(Mono.fromCallable(() -> writeManifest(startedAt, started, ended)).subscribeOn(Schedulers.boundedElastic()))
                    .doOnCancel(() -> Mono.when(settling.values().stream().map(Sinks.Empty::asMono).toList())
                            .timeout(SETTLING).onErrorResume(error -> Mono.empty())
                            .then(Mono.fromCallable(() -> writeManifest(startedAt, started, ended)))
                            .subscribeOn(Schedulers.boundedElastic())
                            .doFinally(signal -> whenSettled.run())
                            .subscribe(written -> { }, error -> { }))
                    .doOnSuccess(result -> whenSettled.run())
                    .doOnError(error -> whenSettled.run());
        });
    }

    /** The server's sweep, which ends in a result however it goes. */
    private Mono<ServerResult> settled(FleetServer server, Map<String, Sinks.Empty<Void>> settling,
                                       BiFunction<FleetServer, Settling, Mono<ServerResult>> sweep) {
        long started = System.nanoTime();
        return sweep.apply(server, new Settling(settling, server.label(), Sinks.empty()))
                .onErrorResume(error -> Mono.fromCallable(() -> failed(server, error, since(started))).subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * Tells an interrupted run when a server's files have settled: a server counts once its files'
     * writer is subscribed to, and has settled when that writer says so.
     */
    private record Settling(Map<String, Sinks.Empty<Void>> all, String label, Sinks.Empty<Void> sink) {

        <T> Mono<T> watch(Mono<T> files) {
            return files.doOnSubscribe(subscription -> all.put(label, sink));
        }

        Runnable done() {
            return sink::tryEmitEmpty;
        }
    }

    private Mono<ServerResult> fresh(FleetServer server, Settling settling) {
        Path own = directory.resolve(server.entry().directory());
        long started = System.nanoTime();
        return Mono.usingWhen(Mono.fromCallable(() -> {
                    emptied(own);
                    return DatabaseAdapters.create(server.target(), server.connection());
                }).subscribeOn(Schedulers.boundedElastic()),
                adapter -> settling.watch(SweepFiles.toDirectory(adapter, server.sweep(), Fleet.tagged(server, listener), own,
                                protection, fleet.limit(), settling.done()))
                        .map(tally -> swept(server, counts(tally), tally.failed() == 0 && tally.withTableFailures() == 0, since(started))),
                DatabaseAdapter::close);
    }

    private Mono<ServerResult> resumed(FleetServer server, DirectoryCollection collection, ResumeScope scope, Settling settling) {
        long started = System.nanoTime();
        return Mono.usingWhen(Fleet.adapter(server),
                adapter -> settling.watch(SweepFiles.resumeDirectory(adapter, server.sweep(), Fleet.tagged(server, listener),
                                collection, scope, protection, fleet.limit(), settling.done()))
                        .map(resumed -> swept(server, counts(resumed.manifest()), resumed.clean(), since(started))),
                DatabaseAdapter::close);
    }

    /** Every server's directory that holds a manifest, read; a server of the fleet whose directory has none is swept afresh. */
    private Map<String, DirectoryCollection> written(Decryption keys) {
        Map<String, DirectoryCollection> written = new LinkedHashMap<>();
        for (FleetServer server : fleet.servers()) {
            Path own = directory.resolve(server.entry().directory());
            if (!Files.isDirectory(own) || DirectoryWriter.manifests(own).isEmpty()) {
                continue;
            }
            OutputPaths.manifestOfAnotherForm(own, protection.suffix()).ifPresent(other -> {
                throw new ConfigurationException(server.label() + "'s directory " + own + " was written with its manifest named " + other
                        + "; resume it with the options that wrote it");
            });
            written.put(server.label(), CollectionReader.directory(own, keys));
        }
        return written;
    }

    private ServerResult swept(FleetServer server, ServerCounts counts, boolean clean, Duration duration) {
        return new ServerResult(entry(server, counts.status(), true, null, counts, duration), clean);
    }

    /** A server that could not be swept; a directory its sweep left without a manifest is removed, one with a manifest kept. */
    private ServerResult failed(FleetServer server, Throwable error, Duration duration) throws IOException {
        Path own = directory.resolve(server.entry().directory());
        boolean kept = Files.isDirectory(own) && !DirectoryWriter.manifests(own).isEmpty();
        if (!kept && Files.exists(own)) {
            FileTrees.delete(own);
        }
        ServerFailure failure = ServerFailure.of(error);
        FleetServerEntry.ServerError cause = new FleetServerEntry.ServerError(failure.message(), failure.category(),
                failure.connectionError(), failure.retryAttempts());
        return new ServerResult(entry(server, FleetServerStatus.FAILED, kept, cause, null, duration), false);
    }

    private FleetServerEntry entry(FleetServer server, FleetServerStatus status, boolean written, FleetServerEntry.ServerError error,
                                   ServerCounts counts, Duration duration) {
        String own = server.entry().directory();
        return new FleetServerEntry(server.label(), server.target().engine().name().toLowerCase(Locale.ROOT), server.target().host(),
                server.target().sqlite().isPresent() ? null : server.target().port(), status, written ? own : null, written ? manifestName(own) : null, error, counts, duration.toMillis());
    }

    private String manifestName(String own) {
        return DirectoryWriter.manifests(directory.resolve(own)).stream().findFirst().map(file -> file.getFileName().toString())
                .orElse(protection.fileName(DirectoryWriter.MANIFEST));
    }

    private FleetResult writeManifest(Instant startedAt, long started, Map<String, ServerResult> ended) throws IOException {
        List<FleetServerEntry> entries = new ArrayList<>();
        boolean clean = true;
        for (FleetServer server : fleet.servers()) {
            ServerResult result = ended.get(server.label());
            if (result == null) {
                boolean written = Files.isDirectory(directory.resolve(server.entry().directory()))
                        && !DirectoryWriter.manifests(directory.resolve(server.entry().directory())).isEmpty();
                entries.add(entry(server, FleetServerStatus.INTERRUPTED, written, null, null, Duration.ZERO));
                clean = false;
            } else {
                entries.add(result.entry());
                clean &= result.clean();
            }
        }
        entries.sort(Comparator.comparing(FleetServerEntry::label));
        FleetManifest manifest = new FleetManifest(FleetManifestFile.FORMAT_VERSION, Sweep.collectorVersion(), startedAt,
                since(started).toMillis(), fleet.config().maxConcurrency(),
                fleet.config().shard().isWhole() ? null : new FleetManifest.FleetShard(fleet.config().shard().index(),
                        fleet.config().shard().count()),
                null, inventoryOf(fleet.inventory()), entries, FleetManifest.FleetTotals.of(entries));
        FleetManifestFile.write(directory, protection, manifest);
        return new FleetResult(manifest, clean);
    }

    private void removeFleetManifests() {
        try {
            for (String name : ProtectedFiles.namesOf(FleetManifest.FILE)) {
                Files.deleteIfExists(directory.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void emptied(Path own) throws IOException {
        if (Files.exists(own)) {
            FileTrees.delete(own);
        }
        Files.createDirectories(own);
    }

    private void notifyEnded(FleetServerEntry entry) {
        try {
            listener.ended(entry);
        } catch (RuntimeException ignored) {
            // A listener's fault must not break the fleet; the listener contract says so.
        }
    }

    /** The inventory's size and the SHA-256 of its sorted labels, each followed by a line feed. */
    static FleetManifest.FleetInventory inventoryOf(Inventory inventory) {
        StringBuilder labels = new StringBuilder();
        inventory.servers().stream().map(InventoryEntry::label).sorted().forEach(label -> labels.append(label).append('\n'));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(labels.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new FleetManifest.FleetInventory(inventory.servers().size(), java.util.HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static ServerCounts counts(SweepTally tally) {
        return new ServerCounts(tally.collected(), tally.failed(), tally.skipped(), tally.filtered());
    }

    private static ServerCounts counts(MultiDatabaseManifest manifest) {
        int collected = 0;
        int failed = 0;
        int skipped = 0;
        for (ManifestEntry entry : manifest.databases()) {
            if (entry.stale()) {
                continue;
            }
            if (entry.status() instanceof CollectionStatus.Success) {
                collected++;
            } else if (entry.status() instanceof CollectionStatus.Failed) {
                failed++;
            } else {
                skipped++;
            }
        }
        return new ServerCounts(collected, failed, skipped, manifest.filtered().size());
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** A server's entry in the fleet manifest, and whether it is clean in {@code --strict}'s sense. */
    private record ServerResult(FleetServerEntry entry, boolean clean) {
    }
}
