package dev.dbsurveyor.fleet;

import dev.dbsurveyor.model.FleetServerEntry;
import dev.dbsurveyor.sweep.SweepEvent;

/**
 * Hears what happens in a fleet: each server's sweep events tagged with its label, and each
 * server's end. Called on the sweeps' threads, driver event loops included: it must not block,
 * and what it throws is ignored.
 */
public interface FleetListener {

    /** Something happened in the sweep of the server labelled {@code server}. */
    void on(String server, SweepEvent event);

    /** The server's sweep ended as {@code entry} records; by default, nothing is done. */
    default void ended(FleetServerEntry entry) {
    }

    /** A listener that does nothing. */
    static FleetListener none() {
        return (server, event) -> {
        };
    }
}
