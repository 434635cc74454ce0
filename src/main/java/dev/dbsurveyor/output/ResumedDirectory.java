package dev.dbsurveyor.output;

import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.sweep.ResumePlan;
import dev.dbsurveyor.sweep.SweepTally;

/**
 * A resumed directory: the plan the resume followed, the figures of the databases it ran again,
 * and the manifest it wrote.
 */
public record ResumedDirectory(ResumePlan plan, SweepTally rerun, MultiDatabaseManifest manifest) {

    /** Whether the directory now holds at least one collected document of a database still on the server. */
    public boolean usable() {
        return manifest.databases().stream().anyMatch(entry -> !entry.stale() && entry.status() instanceof CollectionStatus.Success);
    }

    /**
     * Whether nothing is left failed: no entry of a database still on the server is Failed, and
     * no document collected again lists an object failure of a table ({@code --strict}'s rule).
     */
    public boolean clean() {
        return rerun.withTableFailures() == 0
                && manifest.databases().stream().noneMatch(entry -> !entry.stale() && entry.status() instanceof CollectionStatus.Failed);
    }

    /** How many entries of databases gone from the server the manifest keeps. */
    public long stale() {
        return manifest.databases().stream().filter(entry -> entry.stale()).count();
    }
}
