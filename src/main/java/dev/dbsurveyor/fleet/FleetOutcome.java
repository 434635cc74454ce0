package dev.dbsurveyor.fleet;

import dev.dbsurveyor.sweep.DatabaseOutcome;

/** What became of one database of a fleet, or of a server that could not be swept, tagged with the server's label. */
public sealed interface FleetOutcome {

    /** The label of the server this outcome is of. */
    String server();

    /** A database of {@code server}, as its sweep's outcome. */
    record OfDatabase(String server, DatabaseOutcome outcome) implements FleetOutcome {
    }

    /** {@code server} could not be swept: nothing of it was collected. */
    record ServerFailed(String server, ServerFailure failure) implements FleetOutcome {
    }
}
