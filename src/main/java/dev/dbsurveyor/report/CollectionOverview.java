package dev.dbsurveyor.report;

import dev.dbsurveyor.model.CollectionForm;
import dev.dbsurveyor.model.ServerInfo;

import java.time.Instant;

/**
 * What a report says of the collection as a whole: where it was read from, its form, the server it
 * describes (null for a single document, which holds none) and when the report was made.
 */
public record CollectionOverview(String source, CollectionForm form, ServerInfo server, Instant generatedAt) {
}
