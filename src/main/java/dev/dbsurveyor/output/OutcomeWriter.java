package dev.dbsurveyor.output;

import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.sweep.DatabaseOutcome;

import java.io.IOException;

/**
 * Writes a sweep's outcomes as they stream, and its metadata at the end. Blocking, and safe to
 * call from two threads: a cancelled sweep's cleanup may run while an outcome is still being
 * written.
 */
interface OutcomeWriter {

    /** Writes one outcome; false, writing nothing, when the writer is already finished or aborted. */
    boolean add(DatabaseOutcome outcome) throws IOException;

    void finish(MultiDatabaseMetadata metadata) throws IOException;
}
