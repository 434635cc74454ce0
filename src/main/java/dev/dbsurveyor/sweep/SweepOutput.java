package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseCollectionResult;
import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.MultiDatabaseOutput;
import dev.dbsurveyor.model.MultiDatabaseResult;
import dev.dbsurveyor.model.OutputMode;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.SkippedDatabase;
import dev.dbsurveyor.output.DatabaseFileNames;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reduces a sweep's outcomes into its output: a bundle, or a manifest with one document per database. */
final class SweepOutput {

    private SweepOutput() {
    }

    static MultiDatabaseOutput of(ServerInfo server, List<DatabaseOutcome> unordered, MultiDatabaseConfig config, Instant startedAt,
                                  Duration wall) {
        List<DatabaseOutcome> outcomes = unordered.stream().sorted(Comparator.comparing(DatabaseOutcome::database)).toList();
        SweepTally tally = new SweepTally();
        outcomes.forEach(tally::add);
        MultiDatabaseMetadata metadata = tally.metadata(startedAt, wall, config.maxConcurrency(), List.of());
        return config.outputMode() == OutputMode.SINGLE_BUNDLE
                ? bundle(server, outcomes, metadata)
                : perDatabase(server, outcomes, metadata);
    }

    private static MultiDatabaseOutput bundle(ServerInfo server, List<DatabaseOutcome> outcomes, MultiDatabaseMetadata metadata) {
        List<DatabaseCollectionResult> databases = new ArrayList<>();
        List<DatabaseFailure> failures = new ArrayList<>();
        List<SkippedDatabase> skipped = new ArrayList<>();
        List<SkippedDatabase> filtered = new ArrayList<>();
        DatabaseOutcome.Visitor<Boolean> sorting = new DatabaseOutcome.Visitor<>() {
            @Override
            public Boolean collected(DatabaseOutcome.Collected collected) {
                return databases.add(new DatabaseCollectionResult(collected.database(), collected.schema(), collected.duration().toMillis()));
            }

            @Override
            public Boolean failed(DatabaseOutcome.Failed failed) {
                return failures.add(failed.failure());
            }

            @Override
            public Boolean skipped(DatabaseOutcome.Skipped skip) {
                return skipped.add(new SkippedDatabase(skip.database(), skip.reason()));
            }

            @Override
            public Boolean filtered(DatabaseOutcome.Filtered filter) {
                return filtered.add(new SkippedDatabase(filter.database(), filter.reason()));
            }
        };
        outcomes.forEach(outcome -> outcome.accept(sorting));
        return new MultiDatabaseOutput.Bundle(new MultiDatabaseResult(DatabaseSchema.FORMAT_VERSION, server, databases, failures,
                metadata, skipped, filtered));
    }

    private static MultiDatabaseOutput perDatabase(ServerInfo server, List<DatabaseOutcome> outcomes, MultiDatabaseMetadata metadata) {
        List<ManifestEntry> entries = new ArrayList<>();
        List<DatabaseSchema> documents = new ArrayList<>();
        List<SkippedDatabase> filtered = new ArrayList<>();
        DatabaseOutcome.Visitor<Boolean> sorting = new DatabaseOutcome.Visitor<>() {
            @Override
            public Boolean collected(DatabaseOutcome.Collected collected) {
                entries.add(new ManifestEntry(collected.database(), DatabaseFileNames.fileName(collected.database()), CollectionStatus.SUCCESS,
                        collected.duration().toMillis(), collected.schema().collectionMetadata().objectFailures().size()));
                return documents.add(collected.schema());
            }

            @Override
            public Boolean failed(DatabaseOutcome.Failed failed) {
                return notCollected(failed.database(), new CollectionStatus.Failed(failed.failure().errorMessage()), failed.duration());
            }

            @Override
            public Boolean skipped(DatabaseOutcome.Skipped skip) {
                return notCollected(skip.database(), new CollectionStatus.Skipped(skip.reason()), Duration.ZERO);
            }

            @Override
            public Boolean filtered(DatabaseOutcome.Filtered filter) {
                return filtered.add(new SkippedDatabase(filter.database(), filter.reason()));
            }

            private boolean notCollected(String database, CollectionStatus status, Duration duration) {
                entries.add(new ManifestEntry(database, DatabaseFileNames.fileName(database), status, duration.toMillis(), 0));
                return documents.add(DatabaseSchema.notCollected(database, status, duration.toMillis(), metadata.startedAt(),
                        Sweep.COLLECTOR_VERSION));
            }
        };
        outcomes.forEach(outcome -> outcome.accept(sorting));
        return new MultiDatabaseOutput.PerDatabase(
                new MultiDatabaseManifest(DatabaseSchema.FORMAT_VERSION, server, entries, metadata, filtered), documents);
    }
}
