package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseCollectionResult;
import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.DurationStats;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.MultiDatabaseOutput;
import dev.dbsurveyor.model.MultiDatabaseResult;
import dev.dbsurveyor.model.OutputMode;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.SkippedDatabase;
import dev.dbsurveyor.output.DatabaseFileNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.math.MathFlux;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reduces a sweep's outcomes into its output: a bundle, or a manifest with one document per database. */
final class SweepOutput {

    private SweepOutput() {
    }

    static Mono<MultiDatabaseOutput> of(ServerInfo server, List<DatabaseOutcome> unordered, MultiDatabaseConfig config,
                                        Instant startedAt, Duration wall) {
        List<DatabaseOutcome> outcomes = unordered.stream().sorted(Comparator.comparing(DatabaseOutcome::database)).toList();
        return statistics(outcomes, wall).map(stats -> {
            MultiDatabaseMetadata metadata = new MultiDatabaseMetadata(startedAt, wall.toMillis(), outcomes.size(),
                    count(outcomes, DatabaseOutcome.Filtered.class), count(outcomes, DatabaseOutcome.Collected.class),
                    count(outcomes, DatabaseOutcome.Failed.class), count(outcomes, DatabaseOutcome.Skipped.class),
                    config.maxConcurrency(), Sweep.COLLECTOR_VERSION, List.of(), stats.orElse(null));
            return config.outputMode() == OutputMode.SINGLE_BUNDLE
                    ? bundle(server, outcomes, metadata)
                    : perDatabase(server, outcomes, metadata);
        });
    }

    /** Average and maximum with reactor-extra's MathFlux; the 95th percentile by nearest rank. */
    private static Mono<Optional<DurationStats>> statistics(List<DatabaseOutcome> outcomes, Duration wall) {
        List<Long> durations = outcomes.stream().map(SweepOutput::durationMs).flatMap(Optional::stream).sorted().toList();
        if (durations.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        long p95 = durations.get((int) Math.ceil(0.95 * durations.size()) - 1);
        double perSecond = durations.size() / Math.max(1e-9, wall.toNanos() / 1e9);
        return Mono.zip(MathFlux.averageDouble(Flux.fromIterable(durations)), MathFlux.max(Flux.fromIterable(durations)))
                .map(figures -> Optional.of(new DurationStats(figures.getT1(), figures.getT2(), p95, perSecond)));
    }

    private static Optional<Long> durationMs(DatabaseOutcome outcome) {
        if (outcome instanceof DatabaseOutcome.Collected collected) {
            return Optional.of(collected.duration().toMillis());
        }
        if (outcome instanceof DatabaseOutcome.Failed failed) {
            return Optional.of(failed.duration().toMillis());
        }
        return Optional.empty();
    }

    private static MultiDatabaseOutput bundle(ServerInfo server, List<DatabaseOutcome> outcomes, MultiDatabaseMetadata metadata) {
        List<DatabaseCollectionResult> databases = new ArrayList<>();
        List<DatabaseFailure> failures = new ArrayList<>();
        List<SkippedDatabase> skipped = new ArrayList<>();
        List<SkippedDatabase> filtered = new ArrayList<>();
        for (DatabaseOutcome outcome : outcomes) {
            if (outcome instanceof DatabaseOutcome.Collected collected) {
                databases.add(new DatabaseCollectionResult(collected.database(), collected.schema(), collected.duration().toMillis()));
            } else if (outcome instanceof DatabaseOutcome.Failed failed) {
                failures.add(failed.failure());
            } else if (outcome instanceof DatabaseOutcome.Skipped skip) {
                skipped.add(new SkippedDatabase(skip.database(), skip.reason()));
            } else if (outcome instanceof DatabaseOutcome.Filtered filter) {
                filtered.add(new SkippedDatabase(filter.database(), filter.reason()));
            }
        }
        return new MultiDatabaseOutput.Bundle(new MultiDatabaseResult(DatabaseSchema.FORMAT_VERSION, server, databases, failures,
                metadata, skipped, filtered));
    }

    private static MultiDatabaseOutput perDatabase(ServerInfo server, List<DatabaseOutcome> outcomes, MultiDatabaseMetadata metadata) {
        List<ManifestEntry> entries = new ArrayList<>();
        List<DatabaseSchema> documents = new ArrayList<>();
        List<SkippedDatabase> filtered = new ArrayList<>();
        for (DatabaseOutcome outcome : outcomes) {
            String file = DatabaseFileNames.fileName(outcome.database());
            if (outcome instanceof DatabaseOutcome.Collected collected) {
                entries.add(new ManifestEntry(collected.database(), file, CollectionStatus.SUCCESS, collected.duration().toMillis(),
                        collected.schema().collectionMetadata().objectFailures().size()));
                documents.add(collected.schema());
            } else if (outcome instanceof DatabaseOutcome.Failed failed) {
                CollectionStatus status = new CollectionStatus.Failed(failed.failure().errorMessage());
                entries.add(new ManifestEntry(failed.database(), file, status, failed.duration().toMillis(), 0));
                documents.add(DatabaseSchema.notCollected(failed.database(), status, failed.duration().toMillis(), metadata.startedAt(),
                        Sweep.COLLECTOR_VERSION));
            } else if (outcome instanceof DatabaseOutcome.Skipped skip) {
                CollectionStatus status = new CollectionStatus.Skipped(skip.reason());
                entries.add(new ManifestEntry(skip.database(), file, status, 0, 0));
                documents.add(DatabaseSchema.notCollected(skip.database(), status, 0, metadata.startedAt(), Sweep.COLLECTOR_VERSION));
            } else if (outcome instanceof DatabaseOutcome.Filtered filter) {
                filtered.add(new SkippedDatabase(filter.database(), filter.reason()));
            }
        }
        return new MultiDatabaseOutput.PerDatabase(
                new MultiDatabaseManifest(DatabaseSchema.FORMAT_VERSION, server, entries, metadata, filtered), documents);
    }

    private static int count(List<DatabaseOutcome> outcomes, Class<? extends DatabaseOutcome> kind) {
        return (int) outcomes.stream().filter(kind::isInstance).count();
    }
}
