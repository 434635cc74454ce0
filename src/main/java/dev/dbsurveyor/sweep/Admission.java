package dev.dbsurveyor.sweep;

import reactor.core.publisher.Mono;

/**
 * Decides when a database's collection may start: a sweep of its own admits at once; a fleet of
 * servers shares one admission, so that one bound holds across all of their sweeps.
 */
@FunctionalInterface
public interface Admission {

    /** {@code work}, subscribed to once admitted; the admission ends when it completes, fails or is cancelled. */
    <T> Mono<T> admit(Mono<T> work);

    /** Admits every database at once: a single server's sweep is bounded by its own concurrency alone. */
    static Admission immediate() {
        return Immediate.INSTANCE;
    }

    /** The admission that admits at once. */
    enum Immediate implements Admission {
        INSTANCE;

        @Override
        public <T> Mono<T> admit(Mono<T> work) {
            return work;
        }
    }
}
