package dev.dbsurveyor.model;

import java.time.Instant;
import java.util.List;

/**
 * When and by what a document was collected. {@code objectFailures}, an addition to v1.0, lists
 * what could not be read down to the single object; it reads as empty when a file lacks it.
 */
public record CollectionMetadata(
        Instant collectedAt,
        long collectionDurationMs,
        String collectorVersion,
        List<String> warnings,
        List<ObjectFailure> objectFailures) {

    public CollectionMetadata {
        Require.present(collectedAt, "collected_at");
        Require.nonNegative(collectionDurationMs, "collection_duration_ms");
        Require.text(collectorVersion, "collector_version");
        warnings = Require.list(warnings);
        objectFailures = Require.list(objectFailures);
    }
}
