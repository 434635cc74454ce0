package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.DatabaseSchema;

import java.time.Duration;
import java.util.Optional;

/**
 * What became of one enumerated database in a sweep; every enumerated database ends in exactly
 * one outcome. {@code Filtered} is there so that a consumer of the stream can account for every
 * database too. Code that handles outcomes goes through {@link #accept}, so that a new variant is
 * a compile error wherever it would otherwise be miscounted.
 */
public sealed interface DatabaseOutcome {

    /** The database's name. */
    String database();

    /** How long the attempt to collect it took; empty for a database never attempted. */
    Optional<Duration> attemptDuration();

    /** Calls the {@code visitor} method of this outcome's kind. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of outcome: what handling every outcome means. */
    interface Visitor<R> {
        R collected(Collected collected);

        R failed(Failed failed);

        R skipped(Skipped skipped);

        R filtered(Filtered filtered);
    }

    /** Collected: its document (which may list object failures) and how long it took. */
    record Collected(DatabaseSchema schema, Duration duration) implements DatabaseOutcome {
        @Override
        public String database() {
            return schema.databaseInfo().name();
        }

        @Override
        public Optional<Duration> attemptDuration() {
            return Optional.of(duration);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.collected(this);
        }
    }

    /** Could not be collected, after the retries the policy allowed. */
    record Failed(DatabaseFailure failure, Duration duration) implements DatabaseOutcome {
        @Override
        public String database() {
            return failure.databaseName();
        }

        @Override
        public Optional<Duration> attemptDuration() {
            return Optional.of(duration);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.failed(this);
        }
    }

    /** Selected, but the role may not connect to it: never attempted. */
    record Skipped(String database, String reason) implements DatabaseOutcome {
        @Override
        public Optional<Duration> attemptDuration() {
            return Optional.empty();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.skipped(this);
        }
    }

    /** Left out by the configuration (system database, include or exclude pattern). */
    record Filtered(String database, String reason) implements DatabaseOutcome {
        @Override
        public Optional<Duration> attemptDuration() {
            return Optional.empty();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.filtered(this);
        }
    }
}
