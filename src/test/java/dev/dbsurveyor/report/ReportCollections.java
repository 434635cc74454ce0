package dev.dbsurveyor.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.diff.CollectionDiff;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.DiffOptions;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.ServerType;
import dev.dbsurveyor.model.SweepFilters;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.DirectoryWriter;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.testing.ContractSchemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Collections and change documents the report tests read, written as a sweep and {@code diff --json} write them, and validated. */
public final class ReportCollections {

    /** The name of the database every {@link #directory} records as failed. */
    public static final String FAILED = "zz_failed";
    /** The name of the database every {@link #directory} records as skipped. */
    public static final String SKIPPED = "zz_skipped";

    private ReportCollections() {
    }

    /**
     * A per-database directory as {@code collect --output-dir} leaves it: each of {@code documents}
     * collected, then {@link #FAILED} failed and {@link #SKIPPED} skipped; every file validated.
     */
    public static Path directory(Path directory, List<ObjectNode> documents) {
        try {
            Files.createDirectories(directory);
            DirectoryWriter writer = new DirectoryWriter(directory, ContractFixtures.serverInfo(ServerType.POSTGRESQL), "0.1.0",
                    new SweepFilters(false, List.of(), List.of()));
            for (ObjectNode document : documents) {
                DatabaseSchema schema = ContractMapper.mapper().treeToValue(document, DatabaseSchema.class);
                writer.add(new DatabaseOutcome.Collected(schema, Duration.ofMillis(schema.collectionMetadata().collectionDurationMs())));
            }
            writer.add(new DatabaseOutcome.Failed(new DatabaseFailure(FAILED, "connection refused", ErrorCategory.OTHER, true, 3),
                    Duration.ofMillis(40)));
            writer.add(new DatabaseOutcome.Skipped(SKIPPED, "the role may not connect to this database"));
            writer.finish(new MultiDatabaseMetadata(Instant.parse("2026-12-01T09:00:00Z"), 500, documents.size() + 2, 0,
                    documents.size(), 1, 1, 4, "0.1.0", List.of(), null));
            try (Stream<Path> files = Files.list(directory)) {
                files.forEach(ContractSchemas::assertValidFile);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code document} under another database name. */
    public static ObjectNode named(ObjectNode document, String name) {
        ObjectNode copy = document.deepCopy();
        ((ObjectNode) copy.get("database_info")).put("name", name);
        return copy;
    }

    /** The change document {@code dbsurveyor diff --json old next} writes, validated, in {@code target}. */
    public static Path changes(Path old, Path next, Path target) {
        try {
            CollectionDiff diff = CollectionDiff.of(CollectionReader.open(old), CollectionReader.open(next), DiffOptions.DEFAULTS);
            String json = ContractMapper.mapper().writeValueAsString(diff.document());
            Files.writeString(target, json);
            ContractSchemas.assertValidFile(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
