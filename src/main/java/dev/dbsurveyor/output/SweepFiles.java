package dev.dbsurveyor.output;

import dev.dbsurveyor.adapter.DatabaseAdapter;
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
        return Mono.defer(() -> {
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long started = System.nanoTime();
            SweepTally tally = new SweepTally();
            return adapter.serverInfo().flatMap(server -> Mono.usingWhen(
                    Mono.fromCallable(() -> BundleWriter.open(file, server)).subscribeOn(Schedulers.boundedElastic()),
                    writer -> Sweep.of(adapter, config).withListener(listener).outcomes()
                            .publishOn(Schedulers.boundedElastic())
                            .doOnNext(outcome -> {
                                tally.add(outcome);
                                io(() -> writer.add(outcome));
                            })
                            .then(Mono.fromCallable(() -> {
                                writer.finish(tally.metadata(startedAt, since(started), config.maxConcurrency(), List.of()));
                                return tally;
                            })),
                    writer -> Mono.fromRunnable(whenSettled),
                    (writer, error) -> Mono.fromRunnable(() -> settle(writer::abort, whenSettled)).subscribeOn(Schedulers.boundedElastic()),
                    writer -> Mono.fromRunnable(() -> settle(writer::abort, whenSettled)).subscribeOn(Schedulers.boundedElastic())));
        });
    }

    /**
     * One file per database in {@code directory} and the manifest last. A cancelled sweep still
     * writes its manifest, with the databases it did not reach marked so.
     */
    public static Mono<SweepTally> toDirectory(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener, Path directory,
                                               Runnable whenSettled) {
        return Mono.defer(() -> {
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long started = System.nanoTime();
            SweepTally tally = new SweepTally();
            AtomicReference<SweepEvent.Enumerated> enumerated = new AtomicReference<>(new SweepEvent.Enumerated(List.of(), java.util.Set.of()));
            SweepListener capturing = event -> {
                if (event instanceof SweepEvent.Enumerated e) {
                    enumerated.set(e);
                }
                listener.on(event);
            };
            return adapter.serverInfo().flatMap(server -> Mono.usingWhen(
                    Mono.fromCallable(() -> new DirectoryWriter(directory, server, Sweep.collectorVersion())),
                    writer -> Sweep.of(adapter, config).withListener(capturing).outcomes()
                            .publishOn(Schedulers.boundedElastic())
                            .doOnNext(outcome -> {
                                tally.add(outcome);
                                io(() -> writer.add(outcome));
                            })
                            .then(Mono.fromCallable(() -> {
                                writer.finish(tally.metadata(startedAt, since(started), config.maxConcurrency(), List.of()));
                                return tally;
                            })),
                    writer -> Mono.fromRunnable(whenSettled),
                    (writer, error) -> Mono.fromRunnable(whenSettled),
                    writer -> Mono.fromRunnable(() -> settle(() -> {
                        int filteredBefore = writer.filteredCount();
                        io(() -> writer.markNotReached(enumerated.get().databases(), enumerated.get().selected()));
                        io(() -> writer.finish(tally.metadata(startedAt, since(started), config.maxConcurrency(), writer.notReached(),
                                writer.filteredCount() - filteredBefore,
                                List.of("The sweep was interrupted: " + writer.notReached() + " database(s) were not reached"))));
                    }, whenSettled)).subscribeOn(Schedulers.boundedElastic())));
        });
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
    private interface FileWork {
        void run() throws IOException;
    }

    private static void io(FileWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
