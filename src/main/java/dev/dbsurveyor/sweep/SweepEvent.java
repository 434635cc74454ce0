package dev.dbsurveyor.sweep;

import dev.dbsurveyor.model.DatabaseFailure;

import java.time.Duration;

/** Something that happened in a sweep, for a {@link SweepListener}: to draw progress, log or meter. */
public sealed interface SweepEvent {

    /** The server listed {@code databases}, in its order; the filters select {@code selected} of them. */
    record Enumerated(java.util.List<String> databases, java.util.Set<String> selected) implements SweepEvent {
        public Enumerated {
            databases = java.util.List.copyOf(databases);
            selected = java.util.Set.copyOf(selected);
        }

        public int total() {
            return databases.size();
        }
    }

    /** Collection of a database began. */
    record Started(String database) implements SweepEvent {
    }

    /**
     * A database, or one stage of it, failed and will be tried again after {@code delay}; an
     * empty {@code database} means the server itself (enumeration or server information).
     */
    record Retrying(String database, int retry, Duration delay, String error) implements SweepEvent {
    }

    /** Something about a collected database its user should know, also written in the document's warnings. */
    record Warned(String database, String warning) implements SweepEvent {
    }

    /** A database was collected. */
    record Finished(String database, Duration duration, SweepProgress progress) implements SweepEvent {
    }

    /** A database could not be collected. */
    record Failed(String database, DatabaseFailure failure, SweepProgress progress) implements SweepEvent {
    }

    /** A database was selected but may not be connected to. */
    record Skipped(String database, String reason, SweepProgress progress) implements SweepEvent {
    }

    /** A database was left out by the configuration. */
    record Filtered(String database, String reason, SweepProgress progress) implements SweepEvent {
    }
}
