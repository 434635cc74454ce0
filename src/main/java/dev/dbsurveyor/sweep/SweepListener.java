package dev.dbsurveyor.sweep;

/**
 * Receives a sweep's events as they happen, on whatever thread the sweep is on: it must return
 * at once and never block. An exception it throws is ignored, so it cannot break a sweep.
 */
@FunctionalInterface
public interface SweepListener {

    void on(SweepEvent event);

    /** A listener that ignores everything. */
    static SweepListener none() {
        return event -> { };
    }
}
