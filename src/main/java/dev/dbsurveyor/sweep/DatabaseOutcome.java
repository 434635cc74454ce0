package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.DatabaseSchema;

import java.time.Duration;

/**
 * What became of one enumerated database in a sweep; every enumerated database ends in exactly
 * one outcome. {@code Filtered} is there so that a consumer of the stream can account for every
 * database too.
 */
public sealed interface DatabaseOutcome {

    /** The database's name. */
    String database();

    /** Collected: its document (which may list object failures) and how long it took. */
    record Collected(DatabaseSchema schema, Duration duration) implements DatabaseOutcome {
        @Override
        public String database() {
            return schema.databaseInfo().name();
        }
    }

    /** Could not be collected, after the retries the policy allowed. */
    record Failed(DatabaseFailure failure, Duration duration) implements DatabaseOutcome {
        @Override
        public String database() {
            return failure.databaseName();
        }
    }

    /** Selected, but the role may not connect to it: never attempted. */
    record Skipped(String database, String reason) implements DatabaseOutcome {
    }

    /** Left out by the configuration (system database, include or exclude pattern). */
    record Filtered(String database, String reason) implements DatabaseOutcome {
    }
}
