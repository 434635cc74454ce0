package dev.dbsurveyor.model;

/** How the rows of a {@link TableSample} were chosen. */
@TaggedUnion
public sealed interface SamplingStrategy {

    /** The newest rows by a detected ordering, newest first. */
    record MostRecent(int limit) implements SamplingStrategy {
        public MostRecent {
            Require.nonNegative(limit, "limit");
        }
    }

    /** Rows in no reliable order. */
    record Random(int limit) implements SamplingStrategy {
        public Random {
            Require.nonNegative(limit, "limit");
        }
    }

    /** No rows were read. */
    record None() implements SamplingStrategy {
    }
}
