package dev.dbsurveyor.output;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.Sweep;
import dev.dbsurveyor.sweep.SweepEvent;
import dev.dbsurveyor.sweep.SweepListener;
import dev.dbsurveyor.sweep.SweepTally;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

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
        return write(adapter, config, listener, server -> BundleWriter.open(file, server),
                (writer, run) -> writer.abort(), whenSettled);
    }

    /**
     * One file per database in {@code directory} and the manifest last. A cancelled sweep still
     * writes its manifest, with the databases it did not reach marked so.
     */
    public static Mono<SweepTally> toDirectory(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener, Path directory,
                                               Runnable whenSettled) {
        return write(adapter, config, listener, server -> new DirectoryWriter(directory, server, Sweep.collectorVersion()),
                (writer, run) -> {
                    int filteredBefore = writer.filteredCount();
                    io(() -> {
                        writer.markNotReached(run.enumerated().databases(), run.enumerated().selected());
                        return null;
                    });
                    io(() -> {
                        writer.finish(run.tally().metadata(run.startedAt(), run.elapsed(), config.maxConcurrency(), writer.notReached(),
                            writer.filteredCount() - filteredBefore,
                                List.of("The sweep was interrupted: " + writer.notReached() + " database(s) were not reached")));
                        return null;
                    });
                }, whenSettled);
    }

    /** Opens a writer for the server a sweep reads. */
    @FunctionalInterface
    private interface Opener<W> {
        W open(ServerInfo server) throws IOException;
    }

    /** What a cancelled sweep's writer is left with. */
    private record Run(SweepTally tally, Instant startedAt, long startedNanos, AtomicReference<SweepEvent.Enumerated> enumeration) {

        SweepEvent.Enumerated enumerated() {
            return enumeration.get();
        }

        Duration elapsed() {
            return since(startedNanos);
        }
    }

    /**
     * The sweep with each outcome handed to a writer on a thread that may block; the writer is
     * finished when the sweep completes, and given to {@code onCancel} when it is cancelled.
     */
    private static <W extends OutcomeWriter> Mono<SweepTally> write(DatabaseAdapter adapter, MultiDatabaseConfig config,
                                                                   SweepListener listener, Opener<W> opener,
                                                                   java.util.function.BiConsumer<W, Run> onCancel, Runnable whenSettled) {
        return Mono.defer(() -> {
            Run run = new Run(new SweepTally(), Instant.now().truncatedTo(ChronoUnit.MILLIS), System.nanoTime(),
                    new AtomicReference<>(new SweepEvent.Enumerated(List.of(), java.util.Set.of())));
            SweepListener capturing = event -> {
                if (event instanceof SweepEvent.Enumerated enumerated) {
                    run.enumeration().set(enumerated);
                }
                listener.on(event);
            };
            Sweep sweep = Sweep.of(adapter, config).withListener(capturing);
            return sweep.serverInfo().flatMap(server -> Mono.usingWhen(
                    Mono.fromCallable(() -> opener.open(server)).subscribeOn(Schedulers.boundedElastic()),
                    writer -> sweep.outcomes()
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
                                writer.finish(run.tally().metadata(run.startedAt(), run.elapsed(), config.maxConcurrency(), List.of()));
                                return run.tally();
                            })),
                    writer -> Mono.fromRunnable(whenSettled),
                    (writer, error) -> Mono.fromRunnable(() -> settle(() -> abortIfBundle(writer), whenSettled))
                            .subscribeOn(Schedulers.boundedElastic()),
                    writer -> Mono.fromRunnable(() -> settle(() -> {
                                synchronized (writer) {
                                    onCancel.accept(writer, run);
                                }
                            }, whenSettled))
                            .subscribeOn(Schedulers.boundedElastic())));
        });
    }

    /** A failed bundle is deleted; a failed directory sweep keeps the files it wrote. */
    private static void abortIfBundle(OutcomeWriter writer) {
        if (writer instanceof BundleWriter bundle) {
            bundle.abort();
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
