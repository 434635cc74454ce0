package dev.dbsurveyor.fleet;

import dev.dbsurveyor.model.FleetManifest;

/**
 * What a fleet run wrote: its fleet manifest, and whether nothing failed (no server, no database,
 * and no table of a collected document), which {@code --strict} asks for.
 */
public record FleetResult(FleetManifest manifest, boolean clean) {

    /** Whether at least one database of one server was collected. */
    public boolean usable() {
        return manifest.totals().databasesCollected() > 0;
    }
}
