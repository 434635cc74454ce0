package dev.dbsurveyor.output;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.io.DirectoryCollection;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.sweep.Admission;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.Resume;
import dev.dbsurveyor.sweep.ResumePlan;
import dev.dbsurveyor.sweep.ResumeScope;
import dev.dbsurveyor.sweep.Sweep;
import dev.dbsurveyor.sweep.SweepEvent;
import dev.dbsurveyor.sweep.SweepFailedException;
import dev.dbsurveyor.sweep.SweepListener;
import dev.dbsurveyor.sweep.SweepTally;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sweeps written to files as they stream: file work runs on a thread that may block, never on a
 * driver's. {@code whenSettled} runs once the files are in their final state, whether the sweep
 * completed, failed or was cancelled, so that a caller that cancels can wait for it.
 */
public final class SweepFiles {

    private SweepFiles() {
    }

    /** A bundle at {@code file}; a cancelled or failed sweep leaves whatever was at {@code file} before. */
    public static Mono<SweepTally> toBundle(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener, Path file,
                                            Runnable whenSettled) {
        return toBundle(adapter, config, listener, file, OutputProtection.NONE, whenSettled);
    }

    /** A bundle at {@code file}, compressed and encrypted as it streams when {@code protection} says so. */
    public static Mono<SweepTally> toBundle(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener, Path file,
                                            OutputProtection protection, Runnable whenSettled) {
        return write(adapter, config, listener, Admission.immediate(), Sweep::serverInfo, server -> BundleWriter.open(file, server, protection),
                (sweep, server) -> sweep.outcomes(), (writer, run, error) -> writer.abort(), whenSettled);
    }

    /**
     * One file per database in {@code directory} and the manifest last. A cancelled sweep still
     * writes its manifest, with the databases it did not reach marked so; so does a sweep that
     * stops at its first failure ({@code continue_on_error} off). Any other failure writes no manifest.
     */
    public static Mono<SweepTally> toDirectory(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener, Path directory,
                                               Runnable whenSettled) {
        return toDirectory(adapter, config, listener, directory, OutputProtection.NONE, whenSettled);
    }

    /** One file per database in {@code directory} and the manifest last, each written through {@code protection}. */
    public static Mono<SweepTally> toDirectory(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener, Path directory,
                                               OutputProtection protection, Runnable whenSettled) {
        return toDirectory(adapter, config, listener, directory, protection, Admission.immediate(), whenSettled);
    }

    /** A directory as above, each database's collection started when {@code admission} admits it (a fleet's shared bound). */
    public static Mono<SweepTally> toDirectory(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener, Path directory,
                                               OutputProtection protection, Admission admission, Runnable whenSettled) {
        return write(adapter, config, listener, admission, Sweep::serverInfo,
                server -> new DirectoryWriter(directory, server, Sweep.collectorVersion(), ResumePlan.filtersOf(config), protection),
                (sweep, server) -> sweep.outcomes(),
                (writer, run, error) -> {
                    if (error != null && !stoppedAtFailure(writer, error)) {
                        return;
                    }
                    String reason = error != null ? DirectoryWriter.NOT_REACHED_AFTER_FAILURE : DirectoryWriter.NOT_REACHED;
                    writer.markNotReached(run.enumerated().databases(), run.enumerated().selected(), reason);
                    writer.finish(run.metadata(config, List.of(interruption(error, "sweep", writer.notReached()))));
                }, whenSettled);
    }

    /**
     * Resumes the directory {@code collection} was read from: collects again what its plan says
     * (see {@link ResumePlan}), replacing those databases' files one by one, each atomically, and
     * rewrites the manifest last with every entry's history. Nothing in the directory changes
     * before the plan is made, so a manifest of another server fails with a
     * {@link dev.dbsurveyor.config.ConfigurationException} and leaves the directory as it was. A
     * cancelled resume, or one that stops at its first failure, writes the manifest with the
     * databases it did not get to as they were, so that another resume completes the directory;
     * any other failure leaves the earlier manifest, which another resume completes as well.
     */
    public static Mono<ResumedDirectory> resumeDirectory(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener,
                                                         DirectoryCollection collection, ResumeScope scope, Runnable whenSettled) {
        return resumeDirectory(adapter, config, listener, collection, scope, OutputProtection.NONE, whenSettled);
    }

    /**
     * Resumes a directory whose files are written through {@code protection}; the files it writes
     * again are too. A directory whose manifest has another protection fails with a
     * {@link ConfigurationException} before anything changes: one directory
     * holds one form.
     */
    public static Mono<ResumedDirectory> resumeDirectory(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener,
                                                         DirectoryCollection collection, ResumeScope scope, OutputProtection protection,
                                                         Runnable whenSettled) {
        return resumeDirectory(adapter, config, listener, collection, scope, protection, Admission.immediate(), whenSettled);
    }

    /** A resume as above, each database's collection started when {@code admission} admits it (a fleet's shared bound). */
    public static Mono<ResumedDirectory> resumeDirectory(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener,
                                                         DirectoryCollection collection, ResumeScope scope, OutputProtection protection,
                                                         Admission admission, Runnable whenSettled) {
        return Mono.fromCallable(() -> {
                    checkProtection(collection, protection);
                    return missingFiles(collection);
                }).subscribeOn(Schedulers.boundedElastic())
                .flatMap(missing -> resume(adapter, config, listener, collection, missing, scope, protection, admission, whenSettled));
    }

    private static void checkProtection(DirectoryCollection collection, OutputProtection protection) {
        String manifest = collection.manifestFile().getFileName().toString();
        if (!manifest.equals(protection.fileName(DirectoryWriter.MANIFEST))) {
            String had = manifest.substring(DirectoryWriter.MANIFEST.length());
            throw new ConfigurationException(collection.directory() + " was written "
                    + (had.isEmpty() ? "as plain JSON" : "with its files named *" + had) + " (" + manifest + "); resume it with the options that wrote it"
                    + (protection.isNone() ? "" : ", not those that name files *" + protection.suffix()));
        }
    }

    /** The entries whose file is not in the directory. */
    private static Set<String> missingFiles(DirectoryCollection collection) {
        return collection.manifest().databases().stream().filter(entry -> !collection.hasFile(entry))
                .map(ManifestEntry::name).collect(Collectors.toSet());
    }

    private static Mono<ResumedDirectory> resume(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener,
                                                 DirectoryCollection collection, Set<String> missing, ResumeScope scope,
                                                 OutputProtection protection, Admission admission, Runnable whenSettled) {
        AtomicReference<ResumePlan> planned = new AtomicReference<>();
        AtomicReference<DirectoryWriter> opened = new AtomicReference<>();
        return write(adapter, config, listener, admission,
                sweep -> Resume.of(sweep, collection.manifest(), missing, scope).plan().doOnNext(planned::set),
                plan -> {
                    opened.set(DirectoryWriter.resuming(collection.directory(), plan, Sweep.collectorVersion(), ResumePlan.filtersOf(config),
                            protection));
                    return opened.get();
                },
                (sweep, plan) -> Resume.of(sweep, collection.manifest(), missing, scope).outcomes(plan),
                (writer, run, error) -> {
                    if (error != null && !stoppedAtFailure(writer, error)) {
                        return;
                    }
                    String reason = error != null ? DirectoryWriter.NOT_REACHED_AFTER_FAILURE : DirectoryWriter.NOT_REACHED;
                    int unfinished = writer.markUnfinished(planned.get().rerun(), reason);
                    writer.finish(run.metadata(config, List.of(interruption(error, "resume", unfinished))));
                }, whenSettled)
                .map(tally -> new ResumedDirectory(planned.get(), tally, opened.get().manifest()));
    }

    /** Whether a directory sweep ended because a database failed with {@code continue_on_error} off; the failure is then written. */
    private static boolean stoppedAtFailure(DirectoryWriter writer, Throwable error) throws IOException {
        if (error instanceof SweepFailedException failed) {
            writer.add(new DatabaseOutcome.Failed(failed.failure(), Duration.ZERO));
            return true;
        }
        return false;
    }

    private static String interruption(Throwable error, String what, int notReached) {
        return error != null
                ? "The " + what + " stopped at its first failure: " + notReached + " database(s) were not reached"
                : "The " + what + " was interrupted: " + notReached + " database(s) were not reached";
    }

    /** Opens a run's writer from what the run started with: the server's information, or a resume's plan. */
    @FunctionalInterface
    private interface Opener<C, W> {
        W open(C context) throws IOException;
    }

    /**
     * What a writer does when its run is cancelled ({@code error} null) or fails: file work, on a
     * thread that may block, under the writer's lock.
     */
    @FunctionalInterface
    private interface Ending<W> {
        void end(W writer, Run run, Throwable error) throws IOException;
    }

    /** What a run's writer is left with when it ends early. */
    private record Run(SweepTally tally, Instant startedAt, long startedNanos, AtomicReference<SweepEvent.Enumerated> enumeration) {

        SweepEvent.Enumerated enumerated() {
            return enumeration.get();
        }

        Duration elapsed() {
            return since(startedNanos);
        }

        dev.dbsurveyor.model.MultiDatabaseMetadata metadata(MultiDatabaseConfig config, List<String> warnings) {
            return tally.metadata(startedAt, elapsed(), config.maxConcurrency(), warnings);
        }
    }

    /**
     * The run with each outcome handed to a writer on a thread that may block; the writer is
     * finished when the run completes, and given to {@code ending} when it is cancelled or fails.
     * A run that fails or is cancelled before its writer opens has nothing to settle, and says so at once.
     */
    private static <C, W extends OutcomeWriter> Mono<SweepTally> write(DatabaseAdapter adapter, MultiDatabaseConfig config,
                                                                    SweepListener listener, Admission admission,
                                                                    Function<Sweep, Mono<C>> start, Opener<C, W> opener,
                                                                    BiFunction<Sweep, C, Flux<DatabaseOutcome>> outcomes,
                                                                    Ending<W> ending, Runnable whenSettled) {
        AtomicBoolean opened = new AtomicBoolean();
        return writing(adapter, config, listener, admission, start, context -> {
            W writer = opener.open(context);
            opened.set(true);
            return writer;
        }, outcomes, ending, whenSettled)
                .doOnError(error -> settleUnopened(opened, whenSettled))
                .doOnCancel(() -> settleUnopened(opened, whenSettled));
    }

    private static void settleUnopened(AtomicBoolean opened, Runnable whenSettled) {
        if (!opened.get()) {
            whenSettled.run();
        }
    }

    private static <C, W extends OutcomeWriter> Mono<SweepTally> writing(DatabaseAdapter adapter, MultiDatabaseConfig config,
                                                                      SweepListener listener, Admission admission,
                                                                      Function<Sweep, Mono<C>> start, Opener<C, W> opener,
                                                                      BiFunction<Sweep, C, Flux<DatabaseOutcome>> outcomes,
                                                                      Ending<W> ending, Runnable whenSettled) {
        return Mono.defer(() -> {
            Run run = new Run(new SweepTally(), Instant.now().truncatedTo(ChronoUnit.MILLIS), System.nanoTime(),
                    new AtomicReference<>(new SweepEvent.Enumerated(List.of(), Set.of())));
            SweepListener capturing = event -> {
                if (event instanceof SweepEvent.Enumerated enumerated) {
                    run.enumeration().set(enumerated);
                }
                listener.on(event);
            };
            Sweep sweep = Sweep.of(adapter, config).withListener(capturing).withAdmission(admission);
            return start.apply(sweep).flatMap(context -> Mono.usingWhen(
                    Mono.fromCallable(() -> opener.open(context)).subscribeOn(Schedulers.boundedElastic()),
                    writer -> outcomes.apply(sweep, context)
                            .publishOn(Schedulers.boundedElastic())
                            .doOnNext(outcome -> {
                                // The writer's lock also covers the tally, so that a cancel's cleanup sees both agree.
                                synchronized (writer) {
                                    if (io(() -> writer.add(outcome))) {
                                        run.tally().add(outcome);
                                    }
                                }
                            })
                            .then(Mono.fromCallable(() -> {
                                writer.finish(run.metadata(config, List.of()));
                                return run.tally();
                            })),
                    writer -> Mono.fromRunnable(whenSettled),
                    (writer, error) -> Mono.fromRunnable(() -> settle(() -> end(ending, writer, run, error), whenSettled))
                            .subscribeOn(Schedulers.boundedElastic()),
                    writer -> Mono.fromRunnable(() -> settle(() -> end(ending, writer, run, null), whenSettled))
                            .subscribeOn(Schedulers.boundedElastic())));
        });
    }

    private static <W> void end(Ending<W> ending, W writer, Run run, Throwable error) {
        synchronized (writer) {
            io(() -> {
                ending.end(writer, run, error);
                return null;
            });
        }
    }

    private static void settle(Runnable cleanup, Runnable whenSettled) {
        try {
            cleanup.run();
        } finally {
            whenSettled.run();
        }
    }

    /** File work whose failure ends the sweep. */
    @FunctionalInterface
    private interface FileWork<T> {
        T run() throws IOException;
    }

    private static <T> T io(FileWork<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
