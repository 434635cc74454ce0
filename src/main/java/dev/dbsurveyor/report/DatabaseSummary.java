package dev.dbsurveyor.report;

import dev.dbsurveyor.io.StoredDatabase;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseSchema;

import java.time.Instant;

/**
 * One database's line on a report's server page: its status, size, counts and failures, and the
 * stem of its page's file name. Size, time and duration are null for a database not collected.
 */
public record DatabaseSummary(String name, String page, String status, String statusDetail, Long sizeBytes, ObjectCounts counts,
                              int objectFailures, int warnings, Instant collectedAt, Long durationMs) {

    /** The summary of {@code database}, whose page is named {@code page}. */
    public static DatabaseSummary of(StoredDatabase database, String page) {
        if (database instanceof StoredDatabase.Collected collected) {
            DatabaseSchema schema = collected.schema();
            return new DatabaseSummary(database.name(), page, statusLabel(CollectionStatus.SUCCESS), "", schema.databaseInfo().sizeBytes(),
                    ObjectCounts.of(schema), schema.collectionMetadata().objectFailures().size(), schema.collectionMetadata().warnings().size(),
                    schema.collectionMetadata().collectedAt(), schema.collectionMetadata().collectionDurationMs());
        }
        CollectionStatus status = ((StoredDatabase.NotCollected) database).status();
        return new DatabaseSummary(database.name(), page, statusLabel(status), statusDetail(status), null, ObjectCounts.NONE, 0, 0, null, null);
    }

    /** {@code Success}, {@code Failed} or {@code Skipped}. */
    public static String statusLabel(CollectionStatus status) {
        return status.getClass().getSimpleName();
    }

    /** The error of a failed database, the reason of a skipped one, empty for success. */
    public static String statusDetail(CollectionStatus status) {
        if (status instanceof CollectionStatus.Failed failed) {
            return failed.error();
        }
        if (status instanceof CollectionStatus.Skipped skipped) {
            return skipped.reason();
        }
        return "";
    }
}
